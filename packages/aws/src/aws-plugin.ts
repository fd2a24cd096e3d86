import { defineProviderPlugin } from '@mfa-sms/core/provider';
import type { AwsOptions } from './aws-options.js';
import { createAws } from './aws-provider.js';

// The classic Auth0 SNS guide's secrets (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION)
// work unchanged; the others are ours.
const secretOptions = {
  accessKeyId: ['AWS_ACCESS_KEY_ID'],
  secretAccessKey: ['AWS_SECRET_ACCESS_KEY'],
  sessionToken: ['AWS_SESSION_TOKEN'],
  region: ['AWS_REGION'],
  from: ['AWS_FROM'],
  api: ['AWS_API'],
  baseUrl: ['AWS_BASE_URL'],
} as const;

/** How the ready-made Action builds this provider from its secrets. */
export const plugin = defineProviderPlugin<AwsOptions & { voiceFrom?: string }>({
  name: 'aws',
  secrets: { ...secretOptions, voiceFrom: ['AWS_VOICE_FROM'] },
  required: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION'],
  create: ({ voiceFrom, ...options }) =>
    createAws(
      voiceFrom === undefined ? options : { ...options, voice: { ...options.voice, from: voiceFrom } },
    ),
});
