import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { secretHex, secretToken } from '../../random-credentials.js';
import type { SimulatorEndpoint } from '../../simulated-provider.js';

export type VonageCredentials = {
  apiKey: string;
  apiSecret: string;
  applicationId: string;
  /** PKCS#8 PEM the simulator accepts JWTs from; generated at start when not given. */
  privateKey: string;
  publicKey: string;
};

// Random for each simulator (../../random-credentials.ts says why); they pass @mfa-sms/vonage's
// option checks (an 8-character key, an application UUID).
function defaults() {
  return { apiKey: secretHex(4), apiSecret: `Sim${secretToken(12)}`, applicationId: randomUUID() };
}

let generatedKeys: { privateKey: string; publicKey: string } | undefined;

function generatedKeyPair(): { privateKey: string; publicKey: string } {
  // RSA generation takes tens of milliseconds: once per process is enough.
  generatedKeys ??= generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return generatedKeys;
}

/** The credentials the Vonage simulator accepts; a key pair is generated unless both halves are given. */
export function vonageCredentials(given: Partial<VonageCredentials>): VonageCredentials {
  const merged = { ...defaults(), ...given };
  const keys =
    merged.privateKey !== undefined && merged.publicKey !== undefined
      ? { privateKey: merged.privateKey, publicKey: merged.publicKey }
      : generatedKeyPair();
  return { ...merged, ...keys };
}

/** The Action secrets (@mfa-sms/vonage's plugin names) that send through the simulator. */
export function vonageActionSecrets({ url, credentials }: SimulatorEndpoint<VonageCredentials>) {
  return {
    VONAGE_API_KEY: credentials.apiKey,
    VONAGE_API_SECRET: credentials.apiSecret,
    VONAGE_FROM_NUMBER: '447700900000',
    VONAGE_APPLICATION_ID: credentials.applicationId,
    VONAGE_PRIVATE_KEY: credentials.privateKey,
    VONAGE_BASE_URL: url,
  };
}
