import { testPlugin } from '@mfa-sms/simulator/testing';
import { plugin } from './plivo-plugin.js';

testPlugin(plugin);
