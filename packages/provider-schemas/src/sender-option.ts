import { isSenderId, type SenderOption, senderIdKind } from '@mfa-sms/core';
import { senderCountryKey, senderIdRule } from '@mfa-sms/core/provider';
import * as z from 'zod/mini';

/** A `from` option holding one sender id, with core's rule as its message. */
export const senderIdOption = (): z.ZodMiniType<string, string> =>
  z.string().check(z.refine(isSenderId, senderIdRule));

/** The zod schema of a `from` option that may be a per-country map (see core's `SenderOption`). */
export function senderOption(): z.ZodMiniType<SenderOption, SenderOption> {
  return z.union([
    senderIdOption(),
    z
      .record(
        z
          .string()
          .check(
            z.regex(senderCountryKey, 'keys must be "*" or ISO 3166 alpha-2 codes in capitals, such as US'),
          ),
        z.string().check(z.refine((value) => senderIdKind(value) !== undefined, senderIdRule)),
      )
      .check(z.refine((map) => Object.keys(map).length > 0, 'must name at least one sender')),
  ]);
}
