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
// The steps' helpers are in release/, the consumers' and the Action's files in release/fixtures/.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLog, startRegistry } from './local-registry.mjs';
import { checkAction, checkConsumer } from './release/consumer-checks.mjs';
import { bytes, check, run, seconds, step, table } from './release/process.mjs';
import { dependencyClosure, installProject, readJson, writeJson } from './release/projects.mjs';
import { copyRepository, linkNodeModules } from './release/scratch-copy.mjs';
import { repositoryRoot, workspacePackages } from './versions.mjs';

const scope = '@mfa-sms';

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
  // The user agent (`mfa-sms-twilio/<version>`, made by core's provider kit) carries the version
  // the build saw: the factory hands the kit `version: "0.2.0"` once bundled.
  const builtVersion = /\bversion: "(\d[^"]*)"/.exec(
    readFileSync(join(consumer, 'node_modules', scope, 'twilio', 'dist', 'index.cjs'), 'utf8'),
  )?.[1];
  check(
    builtVersion === twilioVersion,
    `the published ${scope}/twilio was built as ${builtVersion}, not as its version ${twilioVersion}`,
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

  step('require(), import and TypeScript in the consumer');
  await checkConsumer(consumer, env, simulator);

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
  await checkAction(
    action,
    env,
    simulator,
    simulatorProject,
    join(scratch, 'apps', 'action', 'dist', 'action.cjs'),
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
