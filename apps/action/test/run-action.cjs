'use strict';
// Loads the built Action the way Auth0 does (require, CommonJS, a fresh process) and runs the
// executions given as JSON on stdin, one after another in the same warm container (a `pause`
// entry waits between two). Prints one JSON line with what each execution did: its outcome, its
// log lines, and the api calls it made.
// The folder holding action.cjs, hook.cjs and their node_modules is the first argument (the tests
// install the packed packages there), apps/action/dist by default. Auth0 itself is the simulator's
// fake runtime (built): one api.cache for the container, `whenFull` as the input says.
const path = require('node:path');
const runtime = require('@mfa-sms/simulator/auth0');

async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const { executions, whenFull } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const dist = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'dist'));
  const action = require(path.join(dist, 'action.cjs'));
  const hook = require(path.join(dist, 'hook.cjs'));
  const cache = runtime.createFakeAuth0Cache({ whenFull: whenFull ?? 'refuse' });
  const results = [];
  for (const execution of executions) {
    // Time passing between two logins (a provider's rest running out), the container kept warm.
    if (execution.entry === 'pause') {
      await new Promise((resolve) => setTimeout(resolve, execution.ms));
      results.push({ paused: execution.ms, logs: [], calls: { retry: [], drop: [] }, ms: execution.ms });
      continue;
    }
    const logs = [];
    const original = console.log;
    console.log = (...args) => logs.push(args.join(' '));
    let calls = { retry: [], drop: [] };
    const started = Date.now();
    let outcome;
    try {
      if (execution.entry === 'hook') {
        outcome = await new Promise((resolve) => {
          const [recipient, text, context] = execution.arguments;
          hook(recipient, text, context, (error) =>
            resolve(
              error
                ? {
                    threw: { code: error.code, message: error.message, name: error.name, stack: error.stack },
                  }
                : { resolved: true },
            ),
          );
        });
      } else {
        const api =
          execution.entry === 'custom-phone-provider'
            ? runtime.customPhoneProviderApi(cache)
            : runtime.sendPhoneMessageApi(cache);
        if (api.calls) calls = api.calls;
        const handler =
          execution.entry === 'custom-phone-provider'
            ? action.onExecuteCustomPhoneProvider
            : action.onExecuteSendPhoneMessage;
        outcome = await runtime
          .runExecution(() => handler(execution.event, api))
          .then(
            () => ({ resolved: true }),
            (error) => ({
              threw: {
                code: error.code,
                message: error.message,
                name: error.name,
                stack: error.stack,
                inspected: require('node:util').inspect(error, { depth: null }),
              },
            }),
          );
      }
    } finally {
      console.log = original;
    }
    results.push({ ...outcome, logs, calls, ms: Date.now() - started });
  }
  // ioredis is to be loaded only when MFA_SMS_REDIS_URL is set: the tests check the cold path.
  const ioredisLoaded = Object.keys(require.cache).some((file) =>
    file.includes(`${path.sep}ioredis${path.sep}`),
  );
  // Where our packages came from: the tests check it is the installed tarballs, not the workspace.
  const ours = [
    ...new Set(
      Object.keys(require.cache)
        .map((file) => /[\\/]node_modules[\\/](@mfa-sms[\\/][^\\/]+)[\\/]/.exec(file)?.[1])
        .filter(Boolean)
        .map((name) => name.replace('\\', '/')),
    ),
  ].sort();
  const harness = new Set([__filename, require.resolve('@mfa-sms/simulator/auth0')]);
  const outsideFolder = Object.keys(require.cache).filter(
    (file) => !file.startsWith(dist) && !harness.has(file),
  );
  const cacheState = {
    refused: cache.refused,
    evicted: cache.evicted,
    bytes: cache.bytes,
    entries: cache.entries().size,
  };
  process.stdout.write(
    `${JSON.stringify({ results, exports: Object.keys(action).sort(), hookType: typeof hook, ioredisLoaded, ours, outsideFolder, cache: cacheState })}\n`,
    // A Redis client reconnects for ever (Auth0 freezes the container instead): end the process.
    () => ioredisLoaded && process.exit(0),
  );
}

main().catch((error) => {
  process.stderr.write(`${error?.stack}\n`);
  process.exit(1);
});
