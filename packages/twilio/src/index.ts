export type { TwilioOptions } from './twilio-options.js';
export { createTwilio } from './twilio-provider.js';
