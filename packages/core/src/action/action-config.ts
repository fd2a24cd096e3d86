import type { Auth0Client, Auth0Connection, Auth0Organization, Auth0Secrets } from '../auth0/auth0-types.js';
import type { Provider } from '../contract/types.js';
import { isMfaSmsError, MfaSmsError } from '../errors/errors.js';
import type { Router } from '../routing/router-options.js';
import type { StoreKeyer } from '../store/store-keys.js';
import type { ActionEventContext, ActionPolicy } from './action-policy.js';
import type { SentLedger } from './dedupe.js';

export interface Configuration {
  router: Router;
  policy: ActionPolicy;
  memory: SentLedger;
  keyer: StoreKeyer | undefined;
}

// The event's context is read only by a per-event policy: a static one never pays for it.
export type Select = (event: () => ActionEventContext) => Configuration;

// Identities for providers and functions, so that policies built afresh per event from the
// same providers find the router already built for them.
const identities = new WeakMap<object, number>();
let nextIdentity = 0;
function identityOf(value: object): number {
  let id = identities.get(value);
  if (id === undefined) {
    id = nextIdentity++;
    identities.set(value, id);
  }
  return id;
}

// What decides a router and its memory: a per-event policy with the same of these shares them,
// whatever else (a logger written inline, templates) it sets.
export function routerKey(policy: ActionPolicy): string | undefined {
  const { providers, routes, guard, deadlineMs, attemptTimeoutMs, dedupeWindowMs, limits, health, storeKey } =
    policy;
  const store = policy.store ? `#${identityOf(policy.store)}` : undefined;
  try {
    return JSON.stringify(
      {
        providers,
        routes,
        guard,
        deadlineMs,
        attemptTimeoutMs,
        dedupeWindowMs,
        limits,
        health,
        store,
        storeKey,
      },
      (_, value: unknown) =>
        (typeof value === 'object' && value !== null && typeof (value as Provider).send === 'function') ||
        typeof value === 'function'
          ? `#${identityOf(value as object)}`
          : value,
    );
  } catch {
    return undefined;
  }
}

export function eventContext(
  trigger: ActionEventContext['trigger'],
  source: { client?: unknown; organization?: unknown; connection?: unknown; client_id?: unknown } | undefined,
): ActionEventContext {
  const context: ActionEventContext = { trigger };
  const object = (value: unknown) => (typeof value === 'object' && value !== null ? value : undefined);
  const client =
    object(source?.client) ??
    (typeof source?.client_id === 'string' ? { client_id: source.client_id } : undefined);
  if (client) context.client = client as Auth0Client;
  const organization = object(source?.organization);
  if (organization) context.organization = organization as Auth0Organization;
  const connection = object(source?.connection);
  if (connection) context.connection = connection as Auth0Connection;
  return Object.freeze(context);
}

// Comparing the secrets with the ones the providers were built from is cheaper than hashing them
// on every execution, and Auth0 hands each execution a fresh object with the same values.
export function sameSecrets(a: Auth0Secrets, b: Auth0Secrets | undefined): boolean {
  const source = b ?? {};
  const names = Object.keys(a);
  if (names.length !== Object.keys(source).length) return false;
  for (const name of names) if (a[name] !== source[name]) return false;
  return true;
}

export function asMfaSmsError(error: unknown): MfaSmsError {
  if (isMfaSmsError(error)) return error;
  const name = error instanceof Error ? error.name : typeof error;
  // Foreign errors may carry anything (a secret in a message); only their type is kept.
  return new MfaSmsError({
    code: 'invalid_config',
    message: `Configuring the providers failed with an unexpected ${name}`,
  });
}
