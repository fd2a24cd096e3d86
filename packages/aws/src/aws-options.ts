import type { Dispatcher, SenderOption } from '@mfa-sms/core';
import { isE164, lazySchema } from '@mfa-sms/core/provider';
import { senderOption, transportOptions } from '@mfa-sms/provider-schemas';
import * as z from 'zod/mini';

/** The two AWS APIs that send an SMS. */
export const awsApis = ['sns', 'end-user-messaging'] as const;
export type AwsApi = (typeof awsApis)[number];

// IAM's AccessKeyId: 16 to 128 word characters (https://docs.aws.amazon.com/IAM/latest/APIReference/API_AccessKey.html).
const accessKeyId = /^\w{16,128}$/;
// Region names: `eu-west-1`, `us-gov-west-1`, `ap-southeast-5`.
const region = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const noWhiteSpace = /^\S+$/;

/** The options' one source of truth; `AwsOptions` is checked against it (exports.test.ts). */
export const optionsSchema = lazySchema(() =>
  z.strictObject({
    accessKeyId: z
      .string()
      .check(z.regex(accessKeyId, 'must be an AWS access key id (16 to 128 letters and digits, e.g. AKIA…)')),
    secretAccessKey: z
      .string()
      .check(
        z.minLength(16, 'is too short to be an AWS secret access key'),
        z.regex(noWhiteSpace, 'must not contain white space'),
      ),
    sessionToken: z.optional(
      z
        .string()
        .check(
          z.minLength(16, 'is too short to be an AWS session token'),
          z.regex(noWhiteSpace, 'must not contain white space'),
        ),
    ),
    region: z.string().check(z.regex(region, 'must be an AWS region such as "eu-west-1"')),
    from: z.optional(senderOption()),
    api: z._default(z.enum(awsApis, { error: 'must be "sns" or "end-user-messaging"' }), 'sns'),
    voice: z.optional(
      z.strictObject({
        from: z.string().check(z.refine(isE164, 'must be a +E.164 origination number with voice capability')),
        voiceId: z.optional(
          z
            .string()
            .check(z.regex(/^[A-Za-z]{2,20}$/, 'must be an Amazon Polly voice name such as "Joanna"')),
        ),
      }),
    ),
    ...transportOptions(),
  }),
);

/** Options of `createAws`. */
export interface AwsOptions {
  /** The IAM access key id: the classic guide's `AWS_ACCESS_KEY_ID`. */
  accessKeyId: string;
  /** Its secret: `AWS_SECRET_ACCESS_KEY`. */
  secretAccessKey: string;
  /** For temporary credentials (an assumed role): sent as `X-Amz-Security-Token`. */
  sessionToken?: string;
  /** The region that sends, e.g. `eu-west-1`: `AWS_REGION`. */
  region: string;
  /**
   * SMS sender: an alphanumeric sender ID or an origination number (registered in the account),
   * or one per country with `'*'` for the rest: `{ '*': 'Acme', US: '+14155550100' }`. Without
   * one, AWS picks the account's default origination identity. US and CA never get a name.
   */
  from?: SenderOption;
  /** `sns` (SNS `Publish`, the default) or `end-user-messaging` (`SendTextMessage`). */
  api?: AwsApi;
  /** Voice calls, always through End User Messaging `SendVoiceMessage`; without it voice is refused. */
  voice?: {
    /** A +E.164 origination number of the account with voice capability. */
    from: string;
    /** An Amazon Polly voice (`Joanna`); by default one is chosen from the message's language. */
    voiceId?: string;
  };
  /**
   * One origin for both `https://sns.{region}.amazonaws.com` and
   * `https://sms-voice.{region}.amazonaws.com`: the simulator, a VPC endpoint, a proxy.
   */
  baseUrl?: string;
  /** Per-request timeout, 100 to 60 000 ms. Default 10 000. */
  timeoutMs?: number;
  /** An undici dispatcher (proxy, `MockAgent`). */
  dispatcher?: Dispatcher;
}
