// @mfa-sms/aws from its built dist/ (CommonJS, as Auth0 loads code): SNS Publish signed with
// SigV4, sent straight through the provider (no router), as the official client sends it.
import { unbuilt } from '../lib/builds.mjs';

export const label = 'mfa-sms aws (createAws, SNS)';
export const endpoint = 'aws';

const builds = ['packages/core/dist/index.cjs', 'packages/aws/dist/index.cjs'];

export function missing(root) {
  return unbuilt(root, builds);
}

export function load(require) {
  const aws = require('@mfa-sms/aws');
  if (typeof aws.createAws !== 'function')
    throw new Error('the built @mfa-sms/aws lacks createAws: rebuild it');
  return { aws, core: require('@mfa-sms/core') };
}

export function create({ aws, core }, target) {
  const { accessKeyId, secretAccessKey, baseUrl } = target.aws;
  return { core, provider: aws.createAws({ accessKeyId, secretAccessKey, region: 'eu-west-1', baseUrl }) };
}

export async function send({ provider }, message) {
  const result = await provider.send({
    to: message.to,
    text: message.text,
    channel: 'sms',
    code: message.code,
  });
  return result.id;
}

export function close({ core }) {
  return core.closeHttpPools?.();
}
