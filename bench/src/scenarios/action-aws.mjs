// The Auth0 Action as in action.mjs, with MFA_SMS_PROVIDERS=aws and the classic SNS guide's
// secrets: what a tenant moving off the guide's aws-sdk hook runs.
import { create as createTwilioAction } from './action.mjs';

export { load, missing, send } from './action.mjs';

export const label = 'mfa-sms Action, MFA_SMS_PROVIDERS=aws';
export const endpoint = 'aws';

export function create(action, target) {
  const client = createTwilioAction(action, target);
  const { accessKeyId, secretAccessKey, baseUrl } = target.aws;
  client.secrets = {
    MFA_SMS_PROVIDERS: 'aws',
    AWS_ACCESS_KEY_ID: accessKeyId,
    AWS_SECRET_ACCESS_KEY: secretAccessKey,
    AWS_REGION: 'eu-west-1',
    AWS_BASE_URL: baseUrl,
    MFA_SMS_LIMITS: 'off',
  };
  return client;
}
