import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The package's entries as Auth0 loads them (require() of the built files), as the README lists
// them. A change here is a change of the public API: update the README and add a changeset.
function exportedNames(entry: string): string[] {
  const file = fileURLToPath(new URL(`../dist/${entry}`, import.meta.url));
  const script = `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(file)})).sort()))`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

describe('@mfa-sms/action public API', () => {
  it('action.cjs exports the two Action triggers', () => {
    expect(exportedNames('action.cjs')).toEqual([
      'onExecuteCustomPhoneProvider',
      'onExecuteSendPhoneMessage',
    ]);
  });

  it('hook.cjs is the legacy Hook function itself', () => {
    const file = fileURLToPath(new URL('../dist/hook.cjs', import.meta.url));
    const script = `const hook = require(${JSON.stringify(file)}); console.log(typeof hook, hook.length)`;
    expect(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim()).toBe('function 4');
  });
});
