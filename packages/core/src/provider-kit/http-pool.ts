import type { Dispatcher } from 'undici';

type PoolConstructor = typeof import('undici').Pool;
let poolConstructor: Promise<PoolConstructor> | undefined;
const pools = new Map<string, Dispatcher>();

// undici's entry point loads fetch, WebSocket, caches and mocks, all paid by the first send of
// a cold Auth0 Action; the Pool, all we use, loads in a fraction of that (bench/BUDGET-NOTES.md).
// undici has no `exports` map, so its file is reachable; should a release move it, the public
// entry point takes over (http.test.ts checks that both are the same class).
function loadPool(): Promise<PoolConstructor> {
  poolConstructor ??= import('undici/lib/dispatcher/pool.js')
    .then((module) => {
      const candidate: unknown = module.default ?? module;
      if (typeof candidate !== 'function') throw new TypeError('undici moved its Pool');
      return candidate as PoolConstructor;
    })
    .catch(async () => (await import('undici')).Pool);
  return poolConstructor;
}

/** The shared pool of an origin if it is open already: a send then needs no promise to get it. */
export function openPool(origin: string): Dispatcher | undefined {
  return pools.get(origin);
}

/** The shared keep-alive pool of an origin, created on first use. */
export async function poolFor(origin: string): Promise<Dispatcher> {
  const existing = pools.get(origin);
  if (existing) return existing;
  const Pool = await loadPool();
  const again = pools.get(origin);
  if (again) return again;
  // Keep-alive long enough to span a burst of logins; undici unrefs idle sockets, so a
  // process (or a test) still exits by itself.
  const pool = new Pool(origin, { connections: 64, keepAliveTimeout: 30_000, pipelining: 1 });
  pools.set(origin, pool);
  return pool;
}

/** Closes the shared keep-alive pools (tests, graceful shutdown). New requests reopen them. */
export async function closeHttpPools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((pool) => pool.close()));
}
