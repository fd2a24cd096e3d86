export type { AwsOptions } from './aws-options.js';
export { plugin } from './aws-plugin.js';
export { createAws } from './aws-provider.js';
