import { MfaSmsError } from '@mfa-sms/core';
import type { ManagementClient } from './management-client.js';
import { type Action, actionSchema } from './management-schemas.js';

export interface WaitOptions {
  pollMs: number;
  timeoutMs: number;
  /** One progress line per status change, and one every 10 s while it lasts. */
  progress(line: string): void;
  /** On a terminal: the same line rewritten in place at every poll, instead of new lines. */
  live?: ((line: string) => void) | undefined;
}

const reportEveryMs = 10_000;

/** Polls the Action until Auth0 has built its draft: deploying earlier is refused. */
export async function waitForBuild(
  client: ManagementClient,
  actionId: string,
  options: WaitOptions,
): Promise<Action> {
  const started = Date.now();
  let reported = '';
  let reportedAt = started;
  for (;;) {
    const action = await client.call({
      method: 'GET',
      path: `/api/v2/actions/actions/${encodeURIComponent(actionId)}`,
      schema: actionSchema,
      scope: 'read:actions',
      what: 'read the Action',
    });
    const status = action.status ?? 'built';
    const elapsed = Date.now() - started;
    const seconds = `${(elapsed / 1000).toFixed(1)} s`;
    if (status === 'built') {
      options.progress(`  build: built after ${seconds}`);
      return action;
    }
    if (status === 'failed')
      throw new MfaSmsError({
        code: 'rejected',
        provider: 'auth0',
        message:
          'Auth0 could not build the Action: check that each dependency exists on npm at the version given, then run again.',
      });
    if (options.live) options.live(`  build: ${status} (${seconds})`);
    else if (status !== reported || Date.now() - reportedAt >= reportEveryMs) {
      options.progress(`  build: ${status} (${seconds})`);
      reported = status;
      reportedAt = Date.now();
    }
    if (elapsed + options.pollMs > options.timeoutMs)
      throw new MfaSmsError({
        code: 'timeout',
        provider: 'auth0',
        message: `The Action was still ${status} after ${(options.timeoutMs / 1000).toFixed(0)} s. It is saved as a draft: run the same command again to deploy it once Auth0 has built it.`,
      });
    await new Promise((resolve) => setTimeout(resolve, options.pollMs));
  }
}
