import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The GitHub workflows' supply-chain rules, read line by line (no YAML parser among our
// dependencies, and these rules are about single lines).
const folder = new URL('../.github/workflows/', import.meta.url);
const workflows = readdirSync(folder)
  .filter((name) => name.endsWith('.yml'))
  .map((name) => ({ name, text: readFileSync(new URL(name, folder), 'utf8') }));

/** The jobs of a workflow: name → its lines (two-space indented keys under `jobs:`). */
function jobsOf(text: string): Map<string, string> {
  const jobs = new Map<string, string>();
  const body = text.slice(text.indexOf('\njobs:\n'));
  for (const part of body.split(/\n(?= {2}[\w-]+:\n)/).slice(1)) {
    const name = /^ {2}([\w-]+):/.exec(part)?.[1];
    if (name) jobs.set(name, part);
  }
  return jobs;
}

describe('GitHub workflows', () => {
  it('exist', () => {
    expect(workflows.map((workflow) => workflow.name).sort()).toEqual(['ci.yml', 'release.yml']);
  });

  it.each(workflows)('$name pins every action by full commit SHA, the tag in a comment', ({ text }) => {
    const uses = text.split('\n').filter((line) => /^\s*(?:- )?uses:/.test(line));
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  it.each(workflows)('$name keeps no token in the checkout', ({ text }) => {
    const checkouts = text.split(/\n(?=\s*- )/).filter((step) => /uses: actions\/checkout@/.test(step));
    expect(checkouts.length).toBeGreaterThan(0);
    for (const step of checkouts) expect(step).toMatch(/\n\s+persist-credentials: false\b/);
  });

  it.each(workflows)('$name grants nothing at the top and stores no npm token', ({ text }) => {
    const top = text.slice(0, text.indexOf('\njobs:\n'));
    expect(top).not.toMatch(/: write\b/);
    expect(text).not.toMatch(/NPM_TOKEN|NODE_AUTH_TOKEN|_authToken/);
  });

  it('gives id-token: write to the publish job alone, which installs no scripts and runs no tests', () => {
    for (const { name, text } of workflows) {
      for (const [job, lines] of jobsOf(text)) {
        const oidc = /id-token: write/.test(lines);
        expect(oidc, `${name} › ${job}`).toBe(name === 'release.yml' && job === 'publish');
      }
    }
    const publish = jobsOf(workflows.find((workflow) => workflow.name === 'release.yml')?.text ?? '').get(
      'publish',
    );
    expect(publish).toBeDefined();
    expect(publish).not.toMatch(/npm (?:run )?(?:test|build)\b|turbo run/);
    for (const install of publish?.match(/npm ci[^\n]*/g) ?? [])
      expect(install).toContain('--ignore-scripts');
    expect(publish).toMatch(/npm_config_ignore_scripts: true/);
  });
});
