import { testPlugin } from '@mfa-sms/simulator/testing';
import { plugin } from './twilio-plugin.js';

testPlugin(plugin);
