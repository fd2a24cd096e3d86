import { generateKeyPairSync, randomBytes, randomInt, randomUUID } from 'node:crypto';

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
}

export type SimulatorCredentialsInput = {
  [Provider in keyof SimulatorCredentials]?: Partial<SimulatorCredentials[Provider]>;
};

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const token = (bytes: number) => randomBytes(bytes).toString('base64url');

// Random for each simulator, so that a web page cannot guess them and post to a simulator on a
// developer's machine; printed by the CLI and returned as `simulator.credentials` to be used.
// Well-formed: they match each provider's patterns so that the packages' option validation
// accepts them (Twilio's AC/SK/VA + 32 hex, Vonage's 8-character key, an application UUID).
function randomDefaults() {
  return {
    twilio: {
      accountSid: `AC${hex(16)}`,
      authToken: `sim-${hex(14)}`,
      apiKeySid: `SK${hex(16)}`,
      apiKeySecret: `sim-${token(24)}`,
      verifyServiceSid: `VA${hex(16)}`,
    },
    vonage: { apiKey: hex(4), apiSecret: `Sim${token(12)}`, applicationId: randomUUID() },
    esendex: {
      accountReference: `EX${randomInt(1_000_000, 10_000_000)}`,
      username: 'sim@example.com',
      password: `sim-${token(18)}`,
    },
    mitto: { apiKey: `sim-${token(24)}` },
  };
}

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

/** Fills in random credentials for every provider not given in full. */
export function resolveCredentials(input: SimulatorCredentialsInput = {}): SimulatorCredentials {
  const defaults = randomDefaults();
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
  };
}
