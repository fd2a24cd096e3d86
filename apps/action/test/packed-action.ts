import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

export interface PackedAction {
  /** A folder outside the repository holding action.cjs, hook.cjs and their node_modules. */
  folder: string;
  remove(): void;
}

/**
 * The built Action as a tenant deploys it: action.cjs and hook.cjs beside a node_modules
 * installed from dist/dependencies.json, our packages from the tarballs `npm pack` makes of them
 * (what the registry would serve), not from the workspace's links. The folder is outside the
 * repository, so nothing resolves to the workspace. `extraPackages` are folders of other packages
 * (a third party's provider) packed and installed beside them, as a tenant adds a dependency.
 */
export async function installPackedAction(extraPackages: readonly string[] = []): Promise<PackedAction> {
  const folder = mkdtempSync(join(tmpdir(), 'mfa-sms-action-'));
  const remove = () => rmSync(folder, { recursive: true, force: true });
  try {
    const dependencies = JSON.parse(readFileSync(join(dist, 'dependencies.json'), 'utf8')) as Record<
      string,
      string
    >;
    const ours = Object.keys(dependencies).filter((name) => name.startsWith('@mfa-sms/'));
    const tarballs = join(folder, 'tarballs');
    mkdirSync(tarballs);
    const { stdout } = await run(
      'npm',
      ['pack', '--json', '--pack-destination', tarballs, ...ours.flatMap((name) => ['--workspace', name])],
      { cwd: root },
    );
    const packed = new Map(
      (JSON.parse(stdout) as { name: string; version: string; filename: string }[]).map((entry) => {
        if (entry.version !== dependencies[entry.name])
          throw new Error(
            `${entry.name} packed at ${entry.version}, dependencies.json says ${dependencies[entry.name]}`,
          );
        return [entry.name, `file:${join(tarballs, entry.filename)}`];
      }),
    );
    const extra: Record<string, string> = {};
    for (const packageFolder of extraPackages) {
      const { stdout: packedExtra } = await run(
        'npm',
        ['pack', '--json', '--pack-destination', tarballs, packageFolder],
        { cwd: root },
      );
      const [entry] = JSON.parse(packedExtra) as { name: string; filename: string }[];
      if (entry) extra[entry.name] = `file:${join(tarballs, entry.filename)}`;
    }
    const project = join(folder, 'action');
    mkdirSync(project);
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({
        private: true,
        dependencies: {
          ...Object.fromEntries(
            Object.entries(dependencies).map(([name, version]) => [name, packed.get(name) ?? version]),
          ),
          ...extra,
        },
      }),
    );
    await run(
      'npm',
      ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', '--no-package-lock'],
      { cwd: project },
    );
    for (const file of ['action.cjs', 'hook.cjs']) copyFileSync(join(dist, file), join(project, file));
    return { folder: project, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
