import { generateKeyPairSync } from 'node:crypto';
import {
  type InfobipCredentials,
  infobipDefaultCredentials,
} from './providers/infobip/infobip-credentials.js';

export interface TwilioCredentials {
  accountSid: string;
  authToken: string;
  apiKeySid: string;
  apiKeySecret: string;
  /** The one Verify service (`VA…`) the simulator knows. */
  verifyServiceSid: string;
}

export interface VonageCredentials {
  apiKey: string;
  apiSecret: string;
  applicationId: string;
  /** PKCS#8 PEM the simulator accepts JWTs from; generated at start when not given. */
  privateKey: string;
  publicKey: string;
}

export interface EsendexCredentials {
  accountReference: string;
  username: string;
  password: string;
}

export interface MittoCredentials {
  apiKey: string;
}

/** The credentials each simulated provider accepts. */
export interface SimulatorCredentials {
  twilio: TwilioCredentials;
  vonage: VonageCredentials;
  esendex: EsendexCredentials;
  mitto: MittoCredentials;
  infobip: InfobipCredentials;
}

export type SimulatorCredentialsInput = {
  [Provider in keyof SimulatorCredentials]?: Partial<SimulatorCredentials[Provider]>;
};

// Well-formed but obviously fake: they must match each provider's patterns so that the packages'
// option validation accepts them, and must never work anywhere real.
const defaults = {
  twilio: {
    accountSid: 'AC00000000000000000000000000000000',
    authToken: 'sim-twilio-auth-token-0000000000',
    apiKeySid: 'SK00000000000000000000000000000000',
    apiKeySecret: 'sim-twilio-api-key-secret-000000',
    verifyServiceSid: 'VA00000000000000000000000000000000',
  },
  vonage: {
    apiKey: 'simkey01',
    apiSecret: 'SimSecret0000001',
    applicationId: '00000000-0000-4000-8000-000000000000',
  },
  esendex: {
    accountReference: 'EX0000000',
    username: 'sim@example.com',
    password: 'sim-esendex-password-0000',
  },
  mitto: { apiKey: 'sim-mitto-api-key-00000000000000' },
} as const;

let generatedKeys: { privateKey: string; publicKey: string } | undefined;

function vonageKeys(): { privateKey: string; publicKey: string } {
  // RSA generation takes tens of milliseconds: once per process is enough.
  generatedKeys ??= generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return generatedKeys;
}

/** Fills in the default credentials for every provider not given in full. */
export function resolveCredentials(input: SimulatorCredentialsInput = {}): SimulatorCredentials {
  const vonage = { ...defaults.vonage, ...input.vonage };
  const keys =
    vonage.privateKey !== undefined && vonage.publicKey !== undefined
      ? { privateKey: vonage.privateKey, publicKey: vonage.publicKey }
      : vonageKeys();
  return {
    twilio: { ...defaults.twilio, ...input.twilio },
    vonage: { ...vonage, ...keys },
    esendex: { ...defaults.esendex, ...input.esendex },
    mitto: { ...defaults.mitto, ...input.mitto },
    infobip: { ...infobipDefaultCredentials, ...input.infobip },
  };
}
