import { builtInProviders } from './providers/index.js';
import type { Credentials, SimulatedProvider } from './simulated-provider.js';

export type { AwsCredentials } from './providers/aws/aws-credentials.js';
export type { EsendexCredentials } from './providers/esendex/esendex-credentials.js';
export type { MittoCredentials } from './providers/mitto/mitto-credentials.js';
export type { TwilioCredentials } from './providers/twilio/twilio-credentials.js';
export type { VonageCredentials } from './providers/vonage/vonage-credentials.js';

type BuiltInProvider = (typeof builtInProviders)[number];

/** The name of a provider the simulator answers for, read from `builtInProviders`. */
export type ProviderName = BuiltInProvider['name'];

type CredentialsOf<P> = P extends SimulatedProvider<string, infer C> ? C : never;

/** The credentials each simulated provider accepts, by provider name. */
export type SimulatorCredentials = { [P in BuiltInProvider as P['name']]: CredentialsOf<P> };

export type SimulatorCredentialsInput = {
  [Name in keyof SimulatorCredentials]?: Partial<SimulatorCredentials[Name]>;
};

/**
 * Each provider's credentials: what `input` gives, the rest filled in by the provider's own
 * `credentials` (the first listed of a name; one without it accepts whatever `input` gives it).
 */
export function resolveCredentials(
  input: Readonly<Record<string, object | undefined>> = {},
  providers: readonly SimulatedProvider[] = builtInProviders,
): SimulatorCredentials & Readonly<Record<string, Credentials>> {
  const resolved: Record<string, Credentials> = {};
  for (const provider of providers) {
    if (Object.hasOwn(resolved, provider.name)) continue;
    const given = (input[provider.name] ?? {}) as never;
    resolved[provider.name] = (provider.credentials?.(given) ?? given) as Credentials;
  }
  return resolved as SimulatorCredentials & Readonly<Record<string, Credentials>>;
}
