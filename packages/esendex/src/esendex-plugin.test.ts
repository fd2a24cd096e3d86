import { testPlugin } from '@mfa-sms/simulator/testing';
import { plugin } from './esendex-plugin.js';

testPlugin(plugin);
