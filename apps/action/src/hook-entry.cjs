'use strict';
// A legacy Hook must be `module.exports = function (recipient, text, context, cb)`, which an ES
// module cannot express; this CommonJS entry is bundled into dist/hook.cjs.
const { createHandlers } = require('./handlers.ts');

module.exports = createHandlers().hook;
