// What npm run test:release checks in the projects it installs: the fixtures in fixtures/ run
// (require, import, tsc) against packages installed from the test registry and the simulator.
import { copyFileSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repositoryRoot } from '../versions.mjs';
import { bytes, check, run } from './process.mjs';
import { readJson, writeJson } from './projects.mjs';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const scope = '@mfa-sms';

/** A CommonJS, an ES module and a TypeScript user of core and Twilio in `consumer`, each sending once. */
export async function checkConsumer(consumer, env, simulator) {
  const twilio = simulator.credentials.twilio;
  const simulatorArgument = JSON.stringify({
    url: simulator.url,
    accountSid: twilio.accountSid,
    authToken: twilio.authToken,
  });
  for (const file of ['check.cjs', 'check.mjs', 'consumer.mts'])
    copyFileSync(join(fixtures, 'consumer', file), join(consumer, file));
  copyFileSync(join(fixtures, 'consumer', 'consumer.mts'), join(consumer, 'consumer.cts'));
  writeJson(join(consumer, 'tsconfig.json'), {
    compilerOptions: {
      strict: true,
      noEmit: true,
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2022',
      skipLibCheck: false,
      // Node's types from this repository: the consumer's own dependencies stay ours alone.
      typeRoots: [join(repositoryRoot, 'node_modules', '@types')],
      types: ['node'],
    },
    files: ['consumer.mts', 'consumer.cts'],
  });
  for (const [label, file, entry] of [
    ['require()', 'check.cjs', 'dist/index.cjs'],
    ['import', 'check.mjs', 'dist/index.js'],
  ]) {
    const result = JSON.parse(
      await run(process.execPath, [file, simulatorArgument], { cwd: consumer, env, timeoutMs: 30_000 }),
    );
    check(
      result.provider === 'twilio' && /^SM/.test(result.id),
      `${label}: unexpected result ${JSON.stringify(result)}`,
    );
    check(
      result.loaded.endsWith(`node_modules/${scope}/twilio/${entry}`),
      `${label} loaded ${result.loaded}`,
    );
    console.log(
      `  ${label}: ${relative(consumer, result.loaded.replace(/^file:\/\//, ''))} sent ${result.id}`,
    );
  }
  const tsc = join(repositoryRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: consumer, env, timeoutMs: 120_000 });
  const typescript = readJson(join(repositoryRoot, 'node_modules', 'typescript', 'package.json')).version;
  console.log(
    `  TypeScript ${typescript}: consumer.mts (import types) and consumer.cts (require types) compile, skipLibCheck off`,
  );
  check(
    simulator.messages.length === 2,
    `the simulator received ${simulator.messages.length} messages, not 2`,
  );
}

/**
 * The built Action in `action` (its dependencies installed), run once as Auth0 would, with the fake
 * Auth0 runtime of the simulator installed in `simulatorProject`.
 */
export async function checkAction(action, env, simulator, simulatorProject, actionFile) {
  copyFileSync(actionFile, join(action, 'action.cjs'));
  copyFileSync(join(fixtures, 'action', 'run.cjs'), join(action, 'run.cjs'));
  const event = readJson(join(fixtures, 'action', 'event.json'));
  const twilio = simulator.credentials.twilio;
  Object.assign(event.secrets, {
    TWILIO_ACCOUNT_SID: twilio.accountSid,
    TWILIO_AUTH_TOKEN: twilio.authToken,
    TWILIO_BASE_URL: simulator.url,
  });
  const code = event.message_options.code;
  simulator.reset();
  const outcome = JSON.parse(
    await run(process.execPath, ['run.cjs', JSON.stringify(event), simulatorProject], {
      cwd: action,
      env,
      timeoutMs: 30_000,
    }),
  );
  check(outcome.resolved, `the Action failed: ${outcome.error}`);
  const [message] = simulator.messages;
  check(
    simulator.messages.length === 1 && message.provider === 'twilio' && message.text.includes(code),
    `the simulator received ${JSON.stringify(simulator.messages)}`,
  );
  // The Action remembers the send in api.cache (deduplication, limits): the fake cache's rules apply.
  check(outcome.cacheKeys.length > 0, `the Action wrote nothing to api.cache: ${JSON.stringify(outcome)}`);
  const line = outcome.logs.find((entry) => entry.startsWith('mfa-sms sent'));
  check(
    line && !line.includes(code) && !line.includes('7911123456'),
    `unexpected log lines: ${JSON.stringify(outcome.logs)}`,
  );
  console.log(
    `  action.cjs (${bytes(readFileSync(join(action, 'action.cjs')).length)}) sent one SMS: ${line}`,
  );
}
