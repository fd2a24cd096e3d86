import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { isMfaSmsError, MfaSmsError } from '@mfa-sms/core';
import { packageOfEntry } from '../../action/provider-entries.js';
import { nearMissNames } from '../../action/secret-hints.js';
import { policyFromSecrets } from '../../action/secrets.js';
import { cliPackageLoader } from '../cli-packages.js';
import { readDotenv } from '../dotenv.js';
import { type ActionSource, readActionSource } from './action-source.js';
import { auth0Origin } from './auth0-domain.js';
import type { DeployOptions } from './deploy-options.js';
import {
  deployCredentialNames,
  pickActionSecrets,
  providerSecretNames,
  secretNameProblem,
} from './secret-names.js';

export interface DeployInput {
  /** `https://tenant.eu.auth0.com`; a full URL in AUTH0_DOMAIN (the simulator's) is kept as given. */
  origin: string;
  clientId: string;
  clientSecret: string;
  /** The Action's secrets, names and values: the whole list Auth0 will hold. */
  secrets: Record<string, string>;
  source: ActionSource;
  /** What the phone provider offers: `text`, and `voice` when a configured provider can call. */
  deliveryMethods: ('text' | 'voice')[];
}

function configError(message: string): MfaSmsError {
  return new MfaSmsError({ code: 'invalid_config', message });
}

function deliveryMethodsOf(secrets: Record<string, string>, readyMade: boolean): ('text' | 'voice')[] {
  // Your own code may read other secrets: without MFA_SMS_PROVIDERS it is offered text only.
  if (!readyMade && secrets.MFA_SMS_PROVIDERS === undefined) return ['text'];
  try {
    const { providers } = policyFromSecrets(secrets, cliPackageLoader);
    const list = typeof providers === 'function' ? providers(secrets) : providers;
    return list.some((provider) => provider.channels.includes('voice')) ? ['text', 'voice'] : ['text'];
  } catch (error) {
    if (isMfaSmsError(error) && error.code === 'invalid_config')
      throw configError(`${error.message} (in the env file or environment); nothing was deployed`);
    throw error;
  }
}

/** Everything a deploy needs, read and checked before the first request. */
export function readDeployInput(
  options: DeployOptions,
  environment: Readonly<Record<string, string | undefined>>,
): DeployInput {
  if (options.envFileRequired && !existsSync(options.envFile))
    throw configError(`--env-file ${options.envFile}: no such file`);
  const file = readDotenv(options.envFile);
  const credential = (name: (typeof deployCredentialNames)[number]): string => {
    const value = environment[name] || file[name];
    if (!value)
      throw configError(
        `${name} is missing: set it in the environment or in ${options.envFile} (AUTH0_DOMAIN, AUTH0_CLIENT_ID and AUTH0_CLIENT_SECRET of a machine-to-machine application)`,
      );
    return value;
  };
  const origin = auth0Origin(credential('AUTH0_DOMAIN'));
  const clientId = credential('AUTH0_CLIENT_ID');
  const clientSecret = credential('AUTH0_CLIENT_SECRET');
  const readyMade = options.codeFile === undefined;
  // The providers' plugins say which secrets they read.
  const providerSecrets = providerSecretNames(
    environment.MFA_SMS_PROVIDERS || file.MFA_SMS_PROVIDERS,
    cliPackageLoader,
  );
  // Your own code's secrets may have any name: the whole env file goes, credentials excepted.
  const fromFile = readyMade ? pickActionSecrets(file, providerSecrets) : { ...file };
  const merged = { ...fromFile, ...pickActionSecrets(environment, providerSecrets) };
  const secrets: Record<string, string> = {};
  for (const [name, value] of Object.entries(merged))
    if (value !== undefined && value !== '' && !(deployCredentialNames as readonly string[]).includes(name))
      secrets[name] = value;
  for (const name of Object.keys(secrets)) {
    const problem = secretNameProblem(name);
    if (problem) throw configError(`${problem} Nothing was deployed.`);
  }
  // A rollback deploys what the tenant already holds: no code or secrets of ours take part.
  if (options.rollback)
    return { origin, clientId, clientSecret, secrets: {}, source: rolledBack, deliveryMethods: ['text'] };
  return {
    origin,
    clientId,
    clientSecret,
    secrets,
    source: readActionSource(
      options.codeFile,
      options.dependencies,
      providerPackages(secrets),
      secrets.MFA_SMS_REDIS_URL !== undefined,
    ),
    // Near-miss names join the check only, never the upload: the error can say "did you mean".
    deliveryMethods: deliveryMethodsOf({ ...nearMissNames(file, providerSecrets), ...secrets }, readyMade),
  };
}

/** The packages MFA_SMS_PROVIDERS names; a malformed entry is reported when the secrets are read. */
function providerPackages(secrets: Readonly<Record<string, string>>): string[] {
  const packages: string[] = [];
  for (const entry of (secrets.MFA_SMS_PROVIDERS ?? '').split(',')) {
    const trimmed = entry.trim().toLowerCase();
    if (trimmed === '') continue;
    try {
      packages.push(packageOfEntry(trimmed));
    } catch {
      // policyFromSecrets names it.
    }
  }
  return packages;
}

const rolledBack: ActionSource = { code: '', dependencies: [], label: 'a version the tenant holds' };

/**
 * Auth0 never returns secret values, so the deployed code carries a keyed digest of them: a later
 * run compares digests. Keyed with the client secret so that the code does not let anyone who
 * can read the Action test guesses of a secret.
 */
export function secretsFingerprint(secrets: Readonly<Record<string, string>>, key: string): string {
  const sorted = Object.keys(secrets)
    .sort()
    .map((name) => [name, secrets[name]]);
  return createHmac('sha256', key).update(JSON.stringify(sorted)).digest('hex').slice(0, 32);
}

const markerPattern = /\n\/\/ mfa-sms deploy: secrets [0-9a-f]{32}\n$/;

/** The code as deployed: the source with the secrets' digest on its last line. */
export function markedCode(code: string, fingerprint: string): string {
  return `${stripMarker(code)}\n// mfa-sms deploy: secrets ${fingerprint}\n`;
}

export function stripMarker(code: string): string {
  return code.replace(markerPattern, '');
}

export function markerOf(code: string | undefined): string | undefined {
  return code === undefined ? undefined : markerPattern.exec(code)?.[0];
}
