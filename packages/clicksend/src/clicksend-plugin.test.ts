import { testPlugin } from '@mfa-sms/simulator/testing';
import { plugin } from './clicksend-plugin.js';

testPlugin(plugin);
