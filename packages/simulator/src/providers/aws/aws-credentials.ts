import { credentialsWith, secretHex, secretToken } from '../../random-credentials.js';
import type { SimulatorEndpoint } from '../../simulated-provider.js';

export type AwsCredentials = {
  accessKeyId: string;
  secretAccessKey: string;
  /** Accepted in `X-Amz-Security-Token` (signed); requests without a token are accepted too. */
  sessionToken: string;
};

/**
 * The credentials the AWS simulator accepts: random for each simulator (../../random-credentials.ts
 * says why), shaped as AWS issues them (an `AKIA` key id).
 */
export const awsCredentials = credentialsWith<AwsCredentials>(() => ({
  accessKeyId: `AKIA${secretHex(8).toUpperCase()}`,
  secretAccessKey: secretToken(30),
  sessionToken: secretToken(48),
}));

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
