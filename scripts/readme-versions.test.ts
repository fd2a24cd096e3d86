import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readmeFiles, rewriteVersions, syncReadmeVersions } from './readme-versions.mjs';
import {
  actionDependencies,
  actionPackageDependencies,
  packagesForTheAction,
  publishedVersions,
  repositoryRoot,
  workspacePackages,
} from './versions.mjs';

describe('versions shown to users', () => {
  it('every README names the versions package.json gives', () => {
    expect(readmeFiles()).toEqual(expect.arrayContaining(['README.md', 'packages/twilio/README.md']));
    expect(syncReadmeVersions(repositoryRoot, { write: false })).toEqual([]);
  });

  it('reads our packages and the Action’s dependencies from package.json', () => {
    const versions = publishedVersions();
    const twilio = JSON.parse(readFileSync(join(repositoryRoot, 'packages/twilio/package.json'), 'utf8'));
    expect(versions.get('@mfa-sms/twilio')).toBe(twilio.version);
    const undici = JSON.parse(readFileSync(join(repositoryRoot, 'node_modules/undici/package.json'), 'utf8'));
    expect(versions.get('undici')).toBe(undici.version);
    // Core and every provider are the Action's dependencies, at the version this repository has.
    const ours = Object.entries(actionDependencies()).filter(([name]) => workspacePackages().has(name));
    expect(packagesForTheAction()).toEqual(expect.arrayContaining(['@mfa-sms/core', '@mfa-sms/twilio']));
    expect(ours).toEqual(
      packagesForTheAction().map((name) => [name, workspacePackages().get(name)?.version]),
    );
  });

  it('the built Action lists exactly those dependencies', () => {
    const built = join(repositoryRoot, 'apps/action/dist/dependencies.json');
    expect(existsSync(built), 'run npm run build first').toBe(true);
    expect(JSON.parse(readFileSync(built, 'utf8'))).toEqual(actionDependencies());
  });
});

describe('rewriteVersions', () => {
  const versions = new Map([
    ['@mfa-sms/core', '0.3.0'],
    ['zod', '4.6.7'],
  ]);

  it('rewrites each stale mention and reports where it was', () => {
    const text = 'Add `@mfa-sms/core@0.1.0` and\n`zod@4.0.1`, then `npm i @mfa-sms/core@0.2.0-beta.1`.';
    expect(rewriteVersions(text, versions)).toEqual({
      text: 'Add `@mfa-sms/core@0.3.0` and\n`zod@4.6.7`, then `npm i @mfa-sms/core@0.3.0`.',
      changes: [
        { line: 1, name: '@mfa-sms/core', from: '0.1.0', to: '0.3.0' },
        { line: 2, name: 'zod', from: '4.0.1', to: '4.6.7' },
        { line: 2, name: '@mfa-sms/core', from: '0.2.0-beta.1', to: '0.3.0' },
      ],
    });
  });

  it('leaves other packages, partial names, ranges and current versions alone', () => {
    const text =
      '`@mfa-sms/core@0.3.0`, `@other/zod@1.0.0`, `my-zod@1.0.0`, `zod@^4.0.0`, zod@4, `@mfa-sms/core-extra@1.0.0`, twilio@5.10.1';
    expect(rewriteVersions(text, versions)).toEqual({ text, changes: [] });
  });
});

describe('syncReadmeVersions', () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('rewrites the READMEs of a repository after its versions change, and only those', () => {
    root = mkdtempSync(join(tmpdir(), 'readme-versions-'));
    const write = (file: string, content: unknown) => {
      mkdirSync(join(root as string, file, '..'), { recursive: true });
      writeFileSync(
        join(root as string, file),
        typeof content === 'string' ? content : JSON.stringify(content),
      );
    };
    write('package.json', { workspaces: ['packages/*', 'apps/*'] });
    write('packages/core/package.json', { name: '@mfa-sms/core', version: '0.2.0' });
    write('apps/action/package.json', {
      name: '@mfa-sms/action',
      version: '0.1.1',
      dependencies: { '@mfa-sms/core': '^0.2.0', zod: '^4.0.0' },
    });
    write('node_modules/zod/package.json', { name: 'zod', version: '4.6.9' });
    write('README.md', 'Use `@mfa-sms/core@0.1.0`.\n');
    write('apps/action/README.md', 'Dependencies: `zod@4.6.7`, `@mfa-sms/core@0.2.0`.\n');
    write('packages/core/CHANGELOG.md', '`@mfa-sms/core@0.1.0` was the first.\n');

    expect(syncReadmeVersions(root, { write: false })).toHaveLength(2);
    expect(syncReadmeVersions(root)).toEqual([
      { file: 'README.md', line: 1, name: '@mfa-sms/core', from: '0.1.0', to: '0.2.0' },
      { file: 'apps/action/README.md', line: 1, name: 'zod', from: '4.6.7', to: '4.6.9' },
    ]);
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toBe('Use `@mfa-sms/core@0.2.0`.\n');
    expect(readFileSync(join(root, 'apps/action/README.md'), 'utf8')).toBe(
      'Dependencies: `zod@4.6.9`, `@mfa-sms/core@0.2.0`.\n',
    );
    expect(readFileSync(join(root, 'packages/core/CHANGELOG.md'), 'utf8')).toContain('@0.1.0');
    expect(syncReadmeVersions(root)).toEqual([]);
  });
});

describe('actionDependencies', () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('lists our packages and the third-party ones they declare, not what only the CLI uses', () => {
    const folder = mkdtempSync(join(tmpdir(), 'action-dependencies-'));
    root = folder;
    const write = (file: string, content: unknown) => {
      mkdirSync(join(folder, file, '..'), { recursive: true });
      writeFileSync(join(folder, file), JSON.stringify(content));
    };
    write('package.json', { workspaces: ['packages/*', 'apps/*'] });
    write('packages/core/package.json', {
      name: '@mfa-sms/core',
      version: '0.2.0',
      dependencies: { undici: '^7.0.0' },
      peerDependencies: { ioredis: '^6.0.0' },
    });
    write('apps/action/package.json', {
      name: '@mfa-sms/action',
      version: '0.1.1',
      dependencies: { '@mfa-sms/core': '^0.2.0', undici: '^7.0.0', ioredis: '^6.0.0', zod: '^4.0.0' },
    });
    for (const [name, version] of [
      ['undici', '7.30.2'],
      ['ioredis', '6.0.0'],
      ['zod', '4.6.9'],
    ])
      write(`node_modules/${name}/package.json`, { name, version });

    expect(actionDependencies(folder)).toEqual({
      '@mfa-sms/core': '0.2.0',
      ioredis: '6.0.0',
      undici: '7.30.2',
    });
    // The CLI's zod is still the package's dependency, and a README may name its version.
    expect(actionPackageDependencies(folder)).toMatchObject({ zod: '4.6.9' });
    expect(publishedVersions(folder).get('zod')).toBe('4.6.9');
    // While core depends on zod, the Action's list has it too.
    write('packages/core/package.json', {
      name: '@mfa-sms/core',
      version: '0.2.0',
      dependencies: { undici: '^7.0.0', zod: '^4.0.0' },
    });
    expect(Object.keys(actionDependencies(folder))).toEqual(['@mfa-sms/core', 'undici', 'zod']);
  });
});
