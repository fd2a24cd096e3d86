export type { TwilioOptions } from './twilio-options.js';
export { plugin } from './twilio-plugin.js';
export { createTwilio } from './twilio-provider.js';
