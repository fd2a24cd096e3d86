import type { SimulatorEndpoint } from '../../simulated-provider.js';

export type AwsCredentials = {
  accessKeyId: string;
  secretAccessKey: string;
  /** Accepted in `X-Amz-Security-Token` (signed); requests without a token are accepted too. */
  sessionToken: string;
};

// Fake keys that pass @mfa-sms/aws's option checks and work nowhere real.
const defaults: AwsCredentials = {
  accessKeyId: 'AKIASIMULATOR0000000',
  secretAccessKey: 'sim-aws-secret-access-key-000000000000000',
  sessionToken: 'sim-aws-session-token-0000000000000000000',
};

/** The credentials the AWS simulator accepts. */
export function awsCredentials(given: Partial<AwsCredentials>): AwsCredentials {
  return { ...defaults, ...given };
}

/**
 * Where the simulator answers for AWS: AWS serves `/` of its own hosts, and here `/` is the inbox
 * page, so both APIs live at `/aws/` and the base URL of @mfa-sms/aws is `${url}/aws`.
 */
export const awsPath = '/aws';

/** The Action secrets (@mfa-sms/aws's plugin names) that send through the simulator. */
export function awsActionSecrets({ url, credentials }: SimulatorEndpoint<AwsCredentials>) {
  return {
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_REGION: 'eu-west-1',
    AWS_FROM: 'Acme',
    AWS_VOICE_FROM: '+14155550100',
    AWS_BASE_URL: `${url}${awsPath}`,
  };
}
