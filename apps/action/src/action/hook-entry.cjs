'use strict';
// A legacy Hook's shape, `module.exports = function (recipient, text, context, cb)`, which an ES
// module cannot express; this CommonJS entry is bundled into dist/hook.cjs. Hooks are read-only
// since 18 Nov 2024 and at end of life since 18 Nov 2026: the bundle runs an old hook's arguments
// against the Action's handlers, for tests and migration, and is not deployed anywhere.
const { createHandlers } = require('./handlers.ts');

module.exports = createHandlers().hook;
