import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { infobipErrorBodySchema, infobipHttpErrorTable } from './infobip-errors.js';
import { infobipTtsLanguages } from './infobip-tts-language.js';
import { smsAnswerSchema, smsRequestBody, ttsAnswerSchema, ttsRequestBody } from './infobip-wire.js';

// Infobip's own OpenAPI descriptions (specs/README.md): what we send must be what they describe,
// and what they show as answers must be what we read.
type Node = Record<string, unknown>;
const load = (file: string) =>
  JSON.parse(readFileSync(new URL(`../../../specs/infobip/${file}`, import.meta.url), 'utf8')) as Node;
const sms = load('infobip-sms-openapi.json');
const voice = load('infobip-voice-openapi.json');

function resolve(spec: Node, node: Node): Node {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  const name = ref.replace('#/components/schemas/', '').replace('#/components/responses/', '');
  const components = spec.components as { schemas: Node; responses: Node };
  return resolve(spec, (components.schemas[name] ?? components.responses[name]) as Node);
}

/** The problems of `value` against a JSON schema: unknown or missing properties, wrong types, lengths. */
function problems(spec: Node, schemaNode: Node, value: unknown, at = '$'): string[] {
  const schema = resolve(spec, schemaNode);
  const choices = (schema.oneOf ?? schema.anyOf) as Node[] | undefined;
  if (choices) {
    const each = choices.map((choice) => problems(spec, choice, value, at));
    return each.some((list) => list.length === 0) ? [] : (each[0] ?? []);
  }
  if (Array.isArray(schema.allOf)) {
    const merged: Node = { type: 'object', properties: {}, required: [] };
    for (const part of schema.allOf as Node[]) {
      const resolved = resolve(spec, part);
      Object.assign(merged.properties as Node, resolved.properties ?? {});
      (merged.required as string[]).push(...((resolved.required as string[]) ?? []));
    }
    return problems(spec, merged, value, at);
  }
  if (schema.type === 'array' || Array.isArray(value)) {
    if (!Array.isArray(value)) return [`${at} is not an array`];
    return value.flatMap((item, index) => problems(spec, schema.items as Node, item, `${at}[${index}]`));
  }
  if (schema.type === 'object' || schema.properties) {
    if (typeof value !== 'object' || value === null) return [`${at} is not an object`];
    const properties = (schema.properties ?? {}) as Node;
    const found = Object.entries(value as Node).flatMap(([key, item]) =>
      key in properties
        ? problems(spec, properties[key] as Node, item, `${at}.${key}`)
        : [`${at}.${key} is not described`],
    );
    const missing = ((schema.required as string[]) ?? []).filter((key) => !(key in (value as Node)));
    return [...found, ...missing.map((key) => `${at}.${key} is required`)];
  }
  if (schema.type === 'string') {
    if (typeof value !== 'string') return [`${at} is not a string`];
    if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) return [`${at} is too long`];
  }
  if (schema.type === 'boolean' && typeof value !== 'boolean') return [`${at} is not a boolean`];
  return [];
}

function operation(spec: Node, path: string): Node {
  return ((spec.paths as Node)[path] as Node).post as Node;
}

function requestSchema(spec: Node, path: string): Node {
  const body = operation(spec, path).requestBody as { content: Record<string, { schema: Node }> };
  return body.content['application/json']?.schema as Node;
}

/** The JSON examples of one answer of an operation. */
function examples(spec: Node, path: string, status: string): unknown[] {
  const answer = resolve(spec, (operation(spec, path).responses as Node)[status] as Node);
  const json = (answer.content as Record<string, Node>)['application/json'] as Node;
  if (json.example !== undefined) return [json.example];
  return Object.values((json.examples ?? {}) as Record<string, { value: unknown }>).map(
    (entry) => entry.value,
  );
}

const full = { to: '+41793026727', text: 'Your code is 493817', sender: 'Acme', reference: 'login-42' };

describe('requests against Infobip’s OpenAPI descriptions', () => {
  it('POST /sms/3/messages: every field we send is described, every required one is there', () => {
    const schema = requestSchema(sms, '/sms/3/messages');
    expect(problems(sms, schema, smsRequestBody(full))).toEqual([]);
    expect(problems(sms, schema, smsRequestBody({ to: full.to, text: full.text }))).toEqual([]);
  });

  it('POST /tts/3/advanced: the same', () => {
    const schema = requestSchema(voice, '/tts/3/advanced');
    const body = ttsRequestBody({ ...full, language: 'de-at', from: '+41793026700' });
    expect(problems(voice, schema, body)).toEqual([]);
    expect(problems(voice, schema, ttsRequestBody({ to: full.to, text: full.text, language: 'en' }))).toEqual(
      [],
    );
  });

  it('the checker itself finds an undescribed field and a missing one', () => {
    const schema = requestSchema(sms, '/sms/3/messages');
    expect(problems(sms, schema, { messages: [{ destinations: [{ to: '1' }], text: 'x' }] })).toEqual([
      '$.messages[0].text is not described',
      '$.messages[0].content is required',
    ]);
  });
});

describe('answers Infobip documents', () => {
  it('its 200 examples parse, SMS and call', () => {
    for (const example of examples(sms, '/sms/3/messages', '200')) {
      expect(smsAnswerSchema().safeParse(example).success).toBe(true);
    }
    for (const example of examples(voice, '/tts/3/advanced', '200')) {
      expect(ttsAnswerSchema().safeParse(example).success).toBe(true);
    }
  });

  it('its error examples parse, and each code is a row of the table', () => {
    const codes: string[] = [];
    for (const [spec, path] of [
      [sms, '/sms/3/messages'],
      [voice, '/tts/3/advanced'],
    ] as const) {
      for (const status of Object.keys(operation(spec, path).responses as Node).filter(
        (key) => key !== '200',
      )) {
        for (const example of examples(spec, path, status)) {
          const parsed = infobipErrorBodySchema().parse(example);
          codes.push(
            'errorCode' in parsed ? parsed.errorCode : (parsed.requestError.serviceException.messageId ?? ''),
          );
        }
      }
    }
    expect(codes).toEqual([
      'E400',
      'E401',
      'E403',
      'E500',
      'BAD_REQUEST',
      'UNAUTHORIZED',
      'FORBIDDEN',
      'TOO_MANY_REQUESTS',
      'GENERAL_ERROR',
    ]);
    for (const code of codes.filter((code) => code.startsWith('E')))
      expect(infobipHttpErrorTable[code]).toBeDefined();
  });
});

describe('text-to-speech languages', () => {
  it('are the Voice API’s language enum (less ar_xa, which no BCP 47 tag names)', () => {
    const enums = new Set<string>();
    const schemas = (voice.components as { schemas: Record<string, unknown> }).schemas;
    JSON.stringify(schemas, (key, value) => {
      if (key === 'language' && Array.isArray((value as Node)?.enum)) {
        for (const item of (value as { enum: string[] }).enum) enums.add(item);
      }
      return value;
    });
    expect([...infobipTtsLanguages].sort()).toEqual([...enums].filter((item) => item !== 'ar_xa').sort());
  });
});
