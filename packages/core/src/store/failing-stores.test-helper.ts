import type { Store } from './store.js';

// Stores that fail as a real one can: each call throws at once, rejects, or never settles.

/** A store whose every call rejects with `message` (a server that refuses connections). */
export function rejectingStore(message = 'ECONNREFUSED'): Store {
  const fail = () => Promise.reject(new Error(message));
  return { name: 'down', shared: false, increment: fail, get: fail, set: fail };
}

/** A store whose every call throws before returning a promise (a broken driver). */
export function throwingStore(): Store {
  const fail = (): never => {
    throw new Error('down');
  };
  return { name: 'broken', shared: false, increment: fail, get: fail, set: fail };
}

/** A store whose calls never settle (a server that accepted the connection and went silent). */
export function hangingStore(): Store {
  const never = () => new Promise<never>(() => {});
  return { name: 'hanging', shared: false, increment: never, get: never, set: never };
}
