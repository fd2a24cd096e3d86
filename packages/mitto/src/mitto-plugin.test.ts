import { testPlugin } from '@mfa-sms/simulator/testing';
import { plugin } from './mitto-plugin.js';

testPlugin(plugin);
