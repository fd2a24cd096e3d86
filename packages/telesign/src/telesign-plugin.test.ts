import { testPlugin } from '@mfa-sms/simulator/testing';
import { plugin } from './telesign-plugin.js';

testPlugin(plugin);
