import { isMfaSmsError, type MfaSmsError } from './errors.js';

/** The `MfaSmsError` a call throws; anything else thrown, or no throw at all, fails the test. */
export function thrown(run: () => unknown): MfaSmsError {
  try {
    run();
  } catch (error) {
    if (isMfaSmsError(error)) return error;
    throw error;
  }
  throw new Error('expected an MfaSmsError');
}

/** The `MfaSmsError` a promise rejects with; anything else, or a success, fails the test. */
export async function rejection(promise: Promise<unknown>): Promise<MfaSmsError> {
  try {
    await promise;
  } catch (error) {
    if (isMfaSmsError(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}
