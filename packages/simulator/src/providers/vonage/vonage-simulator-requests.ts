import { z } from 'zod';
import talkLanguages from './ncco-talk-languages.json' with { type: 'json' };

// The oracle's own copy of the NCCO schema's `talk` languages, as data with its source.
export const nccoTalkLanguages = talkLanguages.languages as [string, ...string[]];

export const talkAction = z.strictObject({
  action: z.literal('talk'),
  text: z.string().min(1).max(1500),
  bargeIn: z.boolean().optional(),
  loop: z.number().int().min(0).optional(),
  level: z.number().min(-1).max(1).optional(),
  language: z.enum(nccoTalkLanguages).optional(),
  style: z.number().int().min(0).optional(),
  premium: z.boolean().optional(),
  voiceName: z.string().optional(),
});

export const phoneEndpoint = z.object({
  type: z.literal('phone'),
  number: z.string().regex(/^[1-9]\d{6,14}$/),
});

// A caller is either `from` or `random_from_number: true` (one of the application's numbers), never both.
export const callRequest = z
  .object({
    to: z.array(phoneEndpoint).min(1),
    from: phoneEndpoint.optional(),
    random_from_number: z.boolean().optional(),
    ncco: z.array(talkAction).min(1),
  })
  .refine((call) => (call.from !== undefined) !== (call.random_from_number === true), {
    message: 'give either from or random_from_number: true',
    path: ['from'],
  });

export const messagesRequest = z.object({
  message_type: z.literal('text'),
  channel: z.literal('sms'),
  to: z.string().regex(/^[1-9]\d{6,14}$/),
  from: z.string().min(1).max(15),
  text: z.string().min(1).max(1000),
  client_ref: z.string().max(100).optional(),
  sms: z.object({ encoding_type: z.enum(['text', 'unicode', 'auto']).optional() }).optional(),
});
