export type { TwilioOptions } from './twilio-provider.js';
export { createTwilio } from './twilio-provider.js';
