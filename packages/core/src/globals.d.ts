declare const __PACKAGE_VERSION__: string;
declare const __PACKAGE_NAME__: string;

// undici's Pool on its own (see http.ts), a CommonJS module whose export is the public entry's Pool.
declare module 'undici/lib/dispatcher/pool.js' {
  const Pool: typeof import('undici').Pool;
  export = Pool;
}
