// The option schemas the provider packages share, built with zod/mini. Each provider
// bundles this package and zod into its own dist, so its schemas are all built by one copy of zod:
// a schema is never handed from one package's zod to another's, and no zod type is part of any
// published package's types.
export { senderIdOption, senderOption } from './sender-option.js';
export { transportOptions } from './transport-options.js';
