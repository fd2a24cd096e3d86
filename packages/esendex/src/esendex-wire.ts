import { isGsm7, type PhoneMessage, speakCodesInText } from '@mfa-sms/core';
import { escapeXml, lazySchema, parseXml, type XmlElement } from '@mfa-sms/core/provider';
import * as z from 'zod/mini';

/** The text-to-speech languages Esendex's Voice messages offer (the `langType` of its request XSD). */
export const esendexVoiceLanguages = ['en-GB', 'en-AU', 'fr-FR', 'es-ES', 'de-DE'] as const;

export type EsendexVoiceLanguage = (typeof esendexVoiceLanguages)[number];

/** What one message needs besides the message itself: the account, the options' defaults, its sender. */
export interface EsendexRequestContext {
  accountReference: string;
  /** The sender chosen for this message (its own or the options'); none: the account's default. */
  from?: string;
  voiceLanguage?: EsendexVoiceLanguage;
  voiceRetries?: number;
}

/** The fields of one `<message>`, in the order of the request XSD's sequence. */
export interface EsendexMessageFields {
  from?: string;
  to: string;
  type: 'SMS' | 'Voice';
  body: string;
  lang?: EsendexVoiceLanguage;
  retries?: number;
  characterset: 'Auto' | 'Unicode';
}

/**
 * Picks the Esendex voice for a BCP 47 language: an exact match first, then the language alone
 * (`fr-CA` → `fr-FR`; `en-NZ` → `en-AU`, the nearer accent), else the configured voice, else
 * `en-GB`. A text in a language Esendex cannot speak is read by that fallback voice: the digits
 * of the code stay understandable, the words around them may not.
 */
export function esendexVoiceLanguageFor(
  language: string | undefined,
  fallback: EsendexVoiceLanguage | undefined,
): EsendexVoiceLanguage {
  const otherwise = fallback ?? 'en-GB';
  if (language === undefined) return otherwise;
  const [primary = '', region = ''] = language.replace(/_/g, '-').toLowerCase().split('-');
  const exact = esendexVoiceLanguages.find((candidate) => candidate.toLowerCase() === `${primary}-${region}`);
  if (exact) return exact;
  switch (primary) {
    case 'en':
      return region === 'au' || region === 'nz' ? 'en-AU' : fallback?.startsWith('en-') ? fallback : 'en-GB';
    case 'fr':
      return 'fr-FR';
    case 'es':
      return 'es-ES';
    case 'de':
      return 'de-DE';
    default:
      return otherwise;
  }
}

/** The `<message>` fields for one message: digits without `+`, the channel as `type`, the code spoken digit by digit. */
export function esendexMessageFields(
  message: PhoneMessage,
  context: EsendexRequestContext,
): EsendexMessageFields {
  const voice = message.channel === 'voice';
  const body = voice ? speakCodesInText(message.text, message.code) : message.text;
  const from = context.from;
  return {
    ...(from === undefined ? {} : { from }),
    // Esendex documents international digits; whether it takes a leading `+` is unconfirmed.
    to: message.to.replace(/^\+/, ''),
    type: voice ? 'Voice' : 'SMS',
    body,
    ...(voice ? { lang: esendexVoiceLanguageFor(message.language, context.voiceLanguage) } : {}),
    ...(voice && context.voiceRetries !== undefined ? { retries: context.voiceRetries } : {}),
    // Esendex's default is GSM, which would mangle any other character; `Auto` lets it choose,
    // and `Unicode` is stated outright when we already know GSM-7 cannot carry the text.
    characterset: isGsm7(body) ? 'Auto' : 'Unicode',
  };
}

function element(name: string, value: string | number): string {
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/**
 * The request document. XML rather than the JSON of the classic Auth0 guide: XML is the format
 * Esendex specifies (its XSD and examples) and the one its official SDKs send, while the JSON
 * form is undocumented. Every value goes through `escapeXml`, so no text can add or close an
 * element (`</body><type>Voice</type>` arrives as text).
 */
export function esendexRequestXml(message: PhoneMessage, context: EsendexRequestContext): string {
  const fields = esendexMessageFields(message, context);
  const parts = [
    fields.from === undefined ? '' : element('from', fields.from),
    element('to', fields.to),
    element('type', fields.type),
    element('body', fields.body),
    fields.lang === undefined ? '' : element('lang', fields.lang),
    fields.retries === undefined ? '' : element('retries', fields.retries),
    element('characterset', fields.characterset),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?><messages>${element('accountreference', context.accountReference)}<message>${parts.join('')}</message></messages>`;
}

/** The ids Esendex answers with; the message id of a send is its message header id. */
export interface EsendexDispatch {
  batchId?: string;
  messageId: string;
}

export const esendexJsonAnswerSchema = lazySchema(() => {
  const headerSchema = z.object({ id: z.string().check(z.minLength(1)) });
  // Esendex documents only the XML answer. The JSON answer (to `Accept: application/json`) is
  // unconfirmed: believed to be `{"batch":{"batchid","messageheaders":[{"uri","id"}]}}`; the same
  // object without the `batch` wrapper is accepted too.
  const batchSchema = z.object({
    batchid: z.optional(z.string()),
    messageheaders: z.array(headerSchema).check(z.minLength(1)),
  });
  type Answer = z.output<typeof batchSchema> | { batch: z.output<typeof batchSchema> };
  return z.pipe(
    z.union([z.object({ batch: batchSchema }), batchSchema]),
    z.transform((value: Answer): EsendexDispatch => {
      const batch = 'batch' in value ? value.batch : value;
      const first = batch.messageheaders[0] as { id: string };
      return { messageId: first.id, ...(batch.batchid === undefined ? {} : { batchId: batch.batchid }) };
    }),
  );
});

/** Reads the XML answer: `<messageheaders batchid="…"><messageheader id="…" uri="…"/></messageheaders>`. */
export function esendexDispatchFromXml(root: XmlElement): EsendexDispatch | undefined {
  if (root.name !== 'messageheaders') return undefined;
  const header = root.children.find((child) => child.name === 'messageheader' && child.attributes.id);
  const messageId = header?.attributes.id;
  if (messageId === undefined || messageId === '') return undefined;
  const batchId = root.attributes.batchid;
  return { messageId, ...(batchId === undefined ? {} : { batchId }) };
}

function descendants(root: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (node: XmlElement): void => {
    for (const child of node.children) {
      if (child.name === name) found.push(child);
      visit(child);
    }
  };
  visit(root);
  return found;
}

const jsonErrorsSchema = lazySchema(() =>
  z.object({
    errors: z.array(z.object({ description: z.string() })).check(z.minLength(1)),
  }),
);

/**
 * The descriptions of an Esendex error body, `<errors><error><description>…` (or the same in
 * JSON), or `undefined` when the body is short text or anything else.
 */
export function esendexErrorDescription(body: string): string | undefined {
  const trimmed = body.trim();
  if (trimmed.startsWith('<')) {
    let root: XmlElement;
    try {
      root = parseXml(trimmed);
    } catch {
      return undefined;
    }
    if (root.name !== 'errors' && root.name !== 'error') return undefined;
    const texts = descendants(root, 'description')
      .map((node) => node.text.trim())
      .filter((text) => text !== '');
    return texts.length === 0 ? undefined : texts.join('; ');
  }
  if (trimmed.startsWith('{')) {
    try {
      const parsed = jsonErrorsSchema().safeParse(JSON.parse(trimmed));
      return parsed.success ? parsed.data.errors.map((entry) => entry.description).join('; ') : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
