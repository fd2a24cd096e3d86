import { testPlugin } from '@mfa-sms/simulator/testing';
import { plugin } from './vonage-plugin.js';

testPlugin(plugin);
