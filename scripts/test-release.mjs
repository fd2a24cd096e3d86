// npm run test:release: the release path end to end, against a real registry on this machine.
//
// 1. Copies the repository (tracked and untracked, not ignored files) into a scratch folder whose
//    node_modules links to this one's, so nothing here is modified.
// 2. Starts Verdaccio on 127.0.0.1 (scripts/local-registry.mjs).
// 3. In the copy runs what the release workflow runs: `npm run version-packages` (changeset
//    version, README versions, lock file), then `npm run release` (build, changeset publish).
// 4. In a new project outside the repository, `npm install @mfa-sms/twilio` from that registry:
//    only core and twilio of ours come in, plus their declared dependencies; require(), import
//    and a TypeScript consumer (tsc against the installed types) each send through the simulator,
//    itself installed from the registry.
// 5. Installs the built Action's dist/dependencies.json in another new project and runs the
//    Action once against the simulator, as Auth0 would.
// Verdaccio and the simulator are stopped at the end, pass or fail; the temporary folder is
// removed unless it runs with --keep (npm run test:release -- --keep).
import { execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { readLog, startRegistry } from './local-registry.mjs';
import { repositoryRoot, workspacePackages } from './versions.mjs';

const scope = '@mfa-sms';
const started = Date.now();
const abort = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => abort.abort(new Error(`stopped by ${signal}`)));

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const writeJson = (file, value) => writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const step = (text) => console.log(`\n--- ${text} (${seconds()})`);
const bytes = (count) => `${count.toLocaleString('en-US')} B`;

function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  for (const row of rows)
    console.log(`  ${row.map((cell, column) => String(cell).padEnd(widths[column])).join('  ')}`.trimEnd());
}

/**
 * Runs a command without blocking this process (the registry and simulator answer meanwhile).
 * It gets a process group of its own, so that a timeout or Ctrl-C stops what it started too
 * (npm starts turbo, which starts tsup and esbuild).
 */
function run(command, args, { cwd, env, timeoutMs = 180_000, input } = {}) {
  return new Promise((resolve, reject) => {
    if (abort.signal.aborted) return reject(abort.signal.reason);
    const child = spawn(command, args, { cwd, env, detached: true });
    let stopped;
    const stop = (reason) => {
      stopped ??= reason;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group has already exited.
      }
    };
    const timer = setTimeout(() => stop(`took longer than ${timeoutMs} ms`), timeoutMs);
    const onAbort = () => stop(String(abort.signal.reason?.message ?? abort.signal.reason));
    abort.signal.addEventListener('abort', onAbort, { once: true });
    let output = '';
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      abort.signal.removeEventListener('abort', onAbort);
      if (code === 0 && !stopped) return resolve(stdout);
      const why = stopped ? `was stopped: ${stopped}` : `exited ${code}`;
      const tail = output.trimEnd().split('\n').slice(-40).join('\n');
      reject(new Error(`${command} ${args.join(' ')} (in ${cwd}) ${why}:\n${tail}`));
    });
    child.stdin.end(input);
  });
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** The repository as a contributor's working tree has it, without node_modules, dist or .git. */
function copyRepository(from, to) {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: from,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((file) => file && existsSync(join(from, file)) && !lstatSync(join(from, file)).isDirectory());
  for (const file of files) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    copyFileSync(join(from, file), join(to, file));
  }
  return files.length;
}

/**
 * node_modules for the copy: links to this repository's installed packages, except that each
 * workspace package links to the copy's own folder, as npm would have linked it.
 */
function linkNodeModules(from, to) {
  const workspace = workspacePackages(to);
  const modules = join(to, 'node_modules');
  mkdirSync(modules);
  const link = (target, path) => symlinkSync(relative(dirname(path), target), path);
  for (const entry of readdirSync(join(from, 'node_modules'))) {
    if (!entry.startsWith('@')) {
      if (!workspace.has(entry)) link(join(from, 'node_modules', entry), join(modules, entry));
      continue;
    }
    mkdirSync(join(modules, entry));
    for (const child of readdirSync(join(from, 'node_modules', entry)))
      if (!workspace.has(`${entry}/${child}`))
        link(join(from, 'node_modules', entry, child), join(modules, entry, child));
  }
  for (const [name, { folder }] of workspace) {
    mkdirSync(dirname(join(modules, name)), { recursive: true });
    link(join(to, folder), join(modules, name));
    if (existsSync(join(from, folder, 'node_modules')))
      link(join(from, folder, 'node_modules'), join(to, folder, 'node_modules'));
  }
}

/** Every package a project's node_modules holds, from npm's record of it: name → version. */
function installed(project) {
  const lock = readJson(join(project, 'node_modules', '.package-lock.json'));
  return new Map(
    Object.entries(lock.packages)
      .filter(([path, entry]) => path.startsWith('node_modules/') && !entry.link)
      .map(([path, entry]) => [
        path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length),
        entry.version,
      ])
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** The packages `names` bring in by their manifests' dependencies, transitively. */
function dependencyClosure(project, names) {
  const seen = new Set();
  const visit = (name, from) => {
    if (seen.has(name)) return;
    seen.add(name);
    const require = createRequire(join(from, 'package.json'));
    const folder = require.resolve.paths(name).find((path) => existsSync(join(path, name, 'package.json')));
    check(folder, `${name}, a declared dependency, is not installed in ${project}`);
    const manifest = readJson(join(folder, name, 'package.json'));
    for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies }))
      visit(dependency, join(folder, name));
  };
  for (const name of names) visit(name, project);
  return [...seen].sort();
}

/** Creates an empty project in `folder` and installs `specs` from the registry into it. */
async function installProject(folder, specs, env, dependencies) {
  mkdirSync(folder);
  writeJson(join(folder, 'package.json'), {
    name: 'release-consumer',
    private: true,
    version: '1.0.0',
    dependencies,
  });
  await run('npm', ['install', '--no-audit', '--no-fund', ...specs], { cwd: folder, env });
  return installed(folder);
}

async function main(work) {
  const scratch = join(work, 'repository');
  step(`scratch copy of the repository in ${scratch}`);
  const count = copyRepository(repositoryRoot, scratch);
  linkNodeModules(repositoryRoot, scratch);
  console.log(`  ${count} files; node_modules linked to ${join(repositoryRoot, 'node_modules')}`);

  step('Verdaccio');
  mkdirSync(join(work, 'registry'));
  const registry = await startRegistry(join(work, 'registry'), { scope });
  const verdaccio = readJson(join(repositoryRoot, 'node_modules', 'verdaccio', 'package.json')).version;
  console.log(
    `  verdaccio ${verdaccio} on ${registry.url} (our scope local only; the rest proxied from npmjs)`,
  );
  const resources = { registry };
  try {
    await withRegistry(work, scratch, registry, resources);
  } catch (error) {
    console.error(`\nVerdaccio's log (${registry.logFile}), last lines:\n${readLog(registry.logFile)}`);
    throw error;
  } finally {
    await resources.simulator?.close();
    await registry.stop();
    console.log(`\nVerdaccio stopped (${seconds()})`);
  }
}

async function withRegistry(work, scratch, registry, resources) {
  // One npm configuration for every command: this registry and nothing from the user's setup.
  const host = registry.url.replace(/^http:/, '');
  const npmrc = join(work, 'npmrc');
  writeFileSync(
    npmrc,
    `registry=${registry.url}\n${host}:_authToken=${registry.token}\naudit=false\nfund=false\nupdate-notifier=false\n`,
  );
  writeFileSync(join(work, 'npmrc-global'), '');
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_config_/i.test(name)));
  Object.assign(env, {
    NPM_CONFIG_USERCONFIG: npmrc,
    NPM_CONFIG_GLOBALCONFIG: join(work, 'npmrc-global'),
    NPM_CONFIG_CACHE: join(work, 'npm-cache'),
    // changeset publish asks npm for this variable's registry before it publishes.
    npm_config_registry: registry.url,
    CI: 'true',
    TURBO_TELEMETRY_DISABLED: '1',
    DO_NOT_TRACK: '1',
  });

  step('npm run version-packages (changeset version, README versions, lock file)');
  await run('npm', ['run', 'version-packages'], { cwd: scratch, env });
  const workspace = workspacePackages(scratch);
  const published = [...workspace].filter(([, { private: hidden }]) => !hidden).map(([name]) => name);
  table([
    ['package', 'before', 'after'],
    ...[...workspace].map(([name, { version, private: hidden }]) => [
      `${name}${hidden ? ' (private)' : ''}`,
      readJson(join(repositoryRoot, workspace.get(name).folder, 'package.json')).version,
      version,
    ]),
  ]);
  const twilioReadme = readFileSync(
    join(scratch, workspace.get(`${scope}/twilio`).folder, 'README.md'),
    'utf8',
  );
  for (const name of [`${scope}/core`, `${scope}/twilio`])
    check(
      twilioReadme.includes(`${name}@${workspace.get(name).version}`),
      `packages/twilio/README.md does not name ${name}@${workspace.get(name).version} after version-packages`,
    );
  // Provenance needs GitHub's OIDC token, which only the release workflow has.
  for (const name of published) {
    const file = join(scratch, workspace.get(name).folder, 'package.json');
    const manifest = readJson(file);
    if (manifest.publishConfig) delete manifest.publishConfig.provenance;
    writeJson(file, manifest);
  }
  console.log('  provenance left off for this registry (release.yml publishes with it)');

  step('npm run release (build, changeset publish)');
  await run('npm', ['run', 'release', '--', '--no-git-tag'], { cwd: scratch, env, timeoutMs: 300_000 });
  const rows = [['published', 'version', 'tarball']];
  for (const name of published) {
    const { version } = workspace.get(name);
    const packument = await registry.packument(name);
    const dist = packument.versions?.[version]?.dist;
    check(dist, `${name}@${version} is not on the registry after changeset publish`);
    rows.push([name, version, bytes(await registry.tarballSize(dist.tarball))]);
  }
  table(rows);
  for (const [name, { private: hidden }] of workspace)
    if (hidden)
      await registry.packument(name).then(
        () => check(false, `${name} is private but was published`),
        () => undefined,
      );

  const describeInstalled = async (packages) => {
    const lines = [['installed', 'version', 'from', 'tarball']];
    for (const [name, version] of packages) {
      const dist = (await registry.packument(name)).versions[version].dist;
      lines.push([
        name,
        version,
        name.startsWith(`${scope}/`) ? 'published above' : 'npmjs, through Verdaccio',
        bytes(await registry.tarballSize(dist.tarball)),
      ]);
    }
    table(lines);
  };

  step(`npm install ${scope}/twilio, in a new project outside the repository`);
  const consumer = join(work, 'consumer');
  const consumerPackages = await installProject(consumer, [`${scope}/twilio`], env);
  await describeInstalled(consumerPackages);
  const ours = [...consumerPackages.keys()].filter((name) => name.startsWith(`${scope}/`));
  check(
    JSON.stringify(ours) === JSON.stringify([`${scope}/core`, `${scope}/twilio`]),
    `expected ${scope}/core and ${scope}/twilio, got ${ours.join(', ')}`,
  );
  for (const name of ours)
    check(
      consumerPackages.get(name) === workspace.get(name).version,
      `${name}: installed ${consumerPackages.get(name)}, published ${workspace.get(name).version}`,
    );
  const closure = dependencyClosure(consumer, [`${scope}/twilio`]);
  check(
    JSON.stringify([...consumerPackages.keys()]) === JSON.stringify(closure),
    `installed ${[...consumerPackages.keys()].join(', ')}; the manifests declare ${closure.join(', ')}`,
  );
  const twilioVersion = workspace.get(`${scope}/twilio`).version;
  // The user-agent carries the version the build saw: `mfa-sms-twilio/${"0.2.0"}` once bundled.
  const userAgent = /mfa-sms-twilio\/(?:\$\{")?(\d[^"`]*)/.exec(
    readFileSync(join(consumer, 'node_modules', scope, 'twilio', 'dist', 'index.cjs'), 'utf8'),
  )?.[1];
  check(
    userAgent === twilioVersion,
    `the published ${scope}/twilio was built as ${userAgent}, not as its version ${twilioVersion}`,
  );
  console.log(
    `  only ${ours.join(' and ')} of ours, plus what their package.json files declare; built as ${twilioVersion}`,
  );

  step(`npm install ${scope}/simulator, in its own project`);
  const simulatorProject = join(work, 'simulator');
  const simulatorPackages = await installProject(simulatorProject, [`${scope}/simulator`], env);
  await describeInstalled(simulatorPackages);
  const { startSimulator } = createRequire(join(simulatorProject, 'package.json'))(`${scope}/simulator`);
  const simulator = await startSimulator();
  resources.simulator = simulator;
  const twilio = simulator.credentials.twilio;
  const simulatorEnv = {
    ...env,
    SIMULATOR: JSON.stringify({
      url: simulator.url,
      accountSid: twilio.accountSid,
      authToken: twilio.authToken,
    }),
  };

  step('require(), import and TypeScript in the consumer');
  const send = `createRouter({
    providers: [createTwilio({ accountSid: simulator.accountSid, authToken: simulator.authToken, from: '+15005550006', baseUrl: simulator.url })],
  }).send({ to: '+447911123456', channel: 'sms', text: 'Your code is 493817', code: '493817' })`;
  writeFileSync(
    join(consumer, 'check.cjs'),
    `const { createRouter, closeHttpPools } = require('${scope}/core');
const { createTwilio } = require('${scope}/twilio');
const simulator = JSON.parse(process.env.SIMULATOR);
${send}.then(async (result) => {
  console.log(JSON.stringify({ loaded: require.resolve('${scope}/twilio'), provider: result.provider, id: result.id }));
  await closeHttpPools();
});
`,
  );
  writeFileSync(
    join(consumer, 'check.mjs'),
    `import { closeHttpPools, createRouter } from '${scope}/core';
import { createTwilio } from '${scope}/twilio';
const simulator = JSON.parse(process.env.SIMULATOR);
const result = await ${send};
console.log(JSON.stringify({ loaded: import.meta.resolve('${scope}/twilio'), provider: result.provider, id: result.id }));
await closeHttpPools();
`,
  );
  const typed = `import { createRouter, isMfaSmsError, type MfaSmsErrorCode, type PhoneMessage, type RoutedSendResult } from '${scope}/core';
import { createTwilio, type TwilioOptions } from '${scope}/twilio';

const options: TwilioOptions = { accountSid: 'AC00000000000000000000000000000000', authToken: 'token', from: '+15005550006' };
const message: PhoneMessage = { to: '+447911123456', channel: 'sms', text: 'Your code is 493817', code: '493817' };
export const sent: Promise<RoutedSendResult> = createRouter({ providers: [createTwilio(options)] }).send(message);
export const code = (error: unknown): MfaSmsErrorCode | undefined => (isMfaSmsError(error) ? error.code : undefined);
// The types are real, not any: a wrong option does not compile.
// @ts-expect-error accountSid is a string
createTwilio({ accountSid: 42, authToken: 'token', from: '+15005550006' });
`;
  writeFileSync(join(consumer, 'consumer.mts'), typed);
  writeFileSync(join(consumer, 'consumer.cts'), typed);
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
      await run(process.execPath, [file], { cwd: consumer, env: simulatorEnv, timeoutMs: 30_000 }),
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

  step('the ready-made Action with the dependencies of its dist/dependencies.json');
  const dependencies = readJson(join(scratch, 'apps', 'action', 'dist', 'dependencies.json'));
  const action = join(work, 'action');
  const actionPackages = await installProject(action, [], env, dependencies);
  await describeInstalled(actionPackages);
  for (const [name, version] of Object.entries(dependencies))
    check(
      actionPackages.get(name) === version,
      `${name}: dependencies.json says ${version}, installed ${actionPackages.get(name)}`,
    );
  const actionClosure = dependencyClosure(action, Object.keys(dependencies));
  check(
    JSON.stringify([...actionPackages.keys()]) === JSON.stringify(actionClosure),
    `the Action's project holds ${[...actionPackages.keys()].join(', ')}; its dependencies declare ${actionClosure.join(', ')}`,
  );
  copyFileSync(join(scratch, 'apps', 'action', 'dist', 'action.cjs'), join(action, 'action.cjs'));
  writeFileSync(
    join(action, 'run.cjs'),
    `// As Auth0 runs it: required, then called with an event and an api, logging with console.log.
const action = require('./action.cjs');
const event = JSON.parse(process.env.EVENT);
const entries = new Map();
const api = {
  cache: {
    get: (key) => (entries.has(key) ? { value: entries.get(key) } : undefined),
    set: (key, value) => (entries.set(key, value), { type: 'success' }),
    delete: (key) => (entries.delete(key), { type: 'success' }),
  },
};
const logs = [];
console.log = (...parts) => logs.push(parts.join(' '));
action.onExecuteSendPhoneMessage(event, api).then(
  () => process.stdout.write(JSON.stringify({ resolved: true, logs })),
  (error) => process.stdout.write(JSON.stringify({ error: String(error), logs })),
);
`,
  );
  const code = '493817';
  const event = {
    message_options: {
      recipient: '+447911123456',
      text: `${code} is your verification code for Acme.`,
      code,
      action: 'second-factor-authentication',
      message_type: 'sms',
    },
    request: { ip: '203.0.113.7', language: 'en', method: 'POST', geoip: { countryCode: 'GB' } },
    user: { user_id: 'auth0|release-test', app_metadata: {}, user_metadata: {} },
    client: { client_id: 'release-test', name: 'Acme', metadata: {} },
    tenant: { id: 'acme' },
    transaction: { correlation_id: 'release-test-1' },
    secrets: {
      MFA_SMS_PROVIDERS: 'twilio',
      TWILIO_ACCOUNT_SID: twilio.accountSid,
      TWILIO_AUTH_TOKEN: twilio.authToken,
      TWILIO_FROM: '+14155550100',
      TWILIO_BASE_URL: simulator.url,
    },
  };
  simulator.reset();
  const outcome = JSON.parse(
    await run(process.execPath, ['run.cjs'], {
      cwd: action,
      env: { ...env, EVENT: JSON.stringify(event) },
      timeoutMs: 30_000,
    }),
  );
  check(outcome.resolved, `the Action failed: ${outcome.error}`);
  const [message] = simulator.messages;
  check(
    simulator.messages.length === 1 && message.provider === 'twilio' && message.text.includes(code),
    `the simulator received ${JSON.stringify(simulator.messages)}`,
  );
  const line = outcome.logs.find((entry) => entry.startsWith('mfa-sms sent'));
  check(
    line && !line.includes(code) && !line.includes('7911123456'),
    `unexpected log lines: ${JSON.stringify(outcome.logs)}`,
  );
  console.log(
    `  action.cjs (${bytes(readFileSync(join(action, 'action.cjs')).length)}) sent one SMS: ${line}`,
  );
}

const work = mkdtempSync(join(tmpdir(), 'mfa-sms-release-'));
try {
  await main(work);
  console.log(`\ntest:release passed in ${seconds()}`);
} catch (error) {
  console.error(
    `\ntest:release FAILED after ${seconds()}: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
} finally {
  if (process.argv.includes('--keep')) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
