// undici's Pool on its own (see http-pool.ts), a CommonJS module whose export is the public entry's Pool.
declare module 'undici/lib/dispatcher/pool.js' {
  const Pool: typeof import('undici').Pool;
  export = Pool;
}
