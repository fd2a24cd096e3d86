import { readFileSync } from 'node:fs';
import { parseXml } from '@mfa-sms/core/provider';
import { useSimulator } from '@mfa-sms/simulator/testing';
import { describe, expect, it } from 'vitest';
import type { TwilioOptions } from './twilio-options.js';
import { createTwilio } from './twilio-provider.js';

// The OpenAPI description Twilio publishes (twilio/twilio-oai), vendored in specs/ (its README
// names the source, version and licence).
const specUrl = new URL('../../../specs/twilio/twilio_api_v2010.json', import.meta.url);

interface PropertySchema {
  type?: string;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  enum?: string[];
  $ref?: string;
}

interface Operation {
  path: string;
  accountSidPattern: string;
  required: string[];
  properties: Record<string, PropertySchema>;
}

function loadOperation(spec: Record<string, unknown>, operationId: string): Operation {
  const paths = spec.paths as Record<string, Record<string, Record<string, unknown>>>;
  for (const [path, methods] of Object.entries(paths)) {
    const post = methods.post;
    if (post?.operationId !== operationId) continue;
    const parameters = post.parameters as { name: string; in: string; schema: PropertySchema }[];
    const accountSid = parameters.find(
      (parameter) => parameter.name === 'AccountSid' && parameter.in === 'path',
    );
    const body = (
      post.requestBody as {
        content: Record<
          string,
          { schema: { required?: string[]; properties: Record<string, PropertySchema> } }
        >;
      }
    ).content['application/x-www-form-urlencoded']?.schema;
    if (!accountSid?.schema.pattern || !body)
      throw new Error(`${operationId} has no AccountSid pattern or form body`);
    return {
      path,
      accountSidPattern: accountSid.schema.pattern,
      required: body.required ?? [],
      properties: body.properties,
    };
  }
  throw new Error(`${operationId} is not in the OpenAPI description`);
}

// The formats the description names for the fields we send, checked as Twilio documents them.
function formatProblem(format: string | undefined, value: string): string | undefined {
  switch (format) {
    case 'phone-number':
      return /^(?:\+[1-9]\d{1,14}|\d{3,8}|(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11})$/.test(value)
        ? undefined
        : 'not a phone number or sender ID';
    case 'endpoint':
      return /^(?:\+[1-9]\d{1,14}|client:\S+|sip:\S+)$/.test(value) ? undefined : 'not an endpoint';
    case 'uri':
      return URL.canParse(value) ? undefined : 'not a URI';
    case 'twiml':
      try {
        return parseXml(value).name === 'Response' ? undefined : 'root is not <Response>';
      } catch {
        return 'not well-formed XML';
      }
    default:
      return undefined;
  }
}

/** Every way a request breaks the operation's description: the list must be empty. */
function violations(operation: Operation, path: string, form: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const pathPattern = new RegExp(
    `^${operation.path.replace('{AccountSid}', '([^/]+)').replace(/\./g, '\\.')}$`,
  );
  const accountSid = pathPattern.exec(path)?.[1];
  if (accountSid === undefined) problems.push(`path ${path} is not ${operation.path}`);
  else if (!new RegExp(operation.accountSidPattern).test(accountSid))
    problems.push('AccountSid does not match its pattern');
  for (const name of operation.required) if (form[name] === undefined) problems.push(`${name} is required`);
  for (const [name, raw] of Object.entries(form)) {
    const schema = operation.properties[name];
    if (!schema) {
      problems.push(`${name} is not a parameter of this operation`);
      continue;
    }
    const value = String(raw);
    if (schema.pattern && !new RegExp(schema.pattern).test(value))
      problems.push(`${name} does not match ${schema.pattern}`);
    if (schema.minLength !== undefined && value.length < schema.minLength)
      problems.push(`${name} is too short`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength)
      problems.push(`${name} is too long`);
    if (schema.enum && !schema.enum.includes(value))
      problems.push(`${name} is not one of ${schema.enum.join(', ')}`);
    const problem = formatProblem(schema.format, value);
    if (problem) problems.push(`${name}: ${problem}`);
  }
  return problems;
}

describe('requests against Twilio’s OpenAPI description', () => {
  const spec = JSON.parse(readFileSync(specUrl, 'utf8')) as Record<string, unknown>;
  const createMessage = loadOperation(spec, 'CreateMessage');
  const createCall = loadOperation(spec, 'CreateCall');
  const { simulator } = useSimulator({ reset: false });

  it('reads the operations it checks against', () => {
    expect(createMessage.path).toBe('/2010-04-01/Accounts/{AccountSid}/Messages.json');
    expect(createMessage.required).toEqual(['To']);
    expect(createMessage.properties.MessagingServiceSid?.pattern).toBe('^MG[0-9a-fA-F]{32}$');
    expect(createCall.path).toBe('/2010-04-01/Accounts/{AccountSid}/Calls.json');
    expect(createCall.required).toEqual(['To', 'From']);
    expect(createCall.properties.Twiml?.format).toBe('twiml');
  });

  it('finds the problems it is meant to find', () => {
    expect(
      violations(createMessage, '/2010-04-01/Accounts/ACx/Messages.json', {
        Body: 'x',
        MessagingServiceSid: 'MG1',
        Foo: '1',
      }),
    ).toEqual([
      'AccountSid does not match its pattern',
      'To is required',
      'MessagingServiceSid does not match ^MG[0-9a-fA-F]{32}$',
      'MessagingServiceSid is too short',
      'Foo is not a parameter of this operation',
    ]);
    expect(
      violations(createCall, `/2010-04-01/Accounts/AC${'0'.repeat(32)}/Calls.json`, {
        To: '+1',
        From: '+15005550006',
        Twiml: '<Say>',
      }),
    ).toEqual(['To: not an endpoint', 'Twiml: not well-formed XML']);
  });

  it('sends only requests the description allows, whatever the options', async () => {
    const { accountSid, authToken, apiKeySid, apiKeySecret } = simulator.credentials.twilio;
    const configurations: TwilioOptions[] = [
      { accountSid, authToken, from: '+15005550006' },
      { accountSid, apiKeySid, apiKeySecret, messagingServiceSid: 'MGabcdef0123456789abcdef0123456789' },
      { accountSid, authToken, from: 'Acme Corp', statusCallback: 'https://example.com/status' },
      {
        accountSid,
        authToken,
        from: '+15005550006',
        messagingServiceSid: 'MG0123456789ABCDEF0123456789ABCDEF',
        statusCallback: 'https://example.com/status?x=1',
        voice: { language: 'de-DE', voice: 'Polly.Vicki', loop: 1 },
      },
    ];
    for (const options of configurations) {
      simulator.reset();
      const provider = createTwilio({ ...options, baseUrl: simulator.url });
      await provider.send({
        to: '+447700900123',
        text: 'Your code is 123456',
        channel: 'sms',
        code: '123456',
        reference: 'r-1',
      });
      if (provider.channels.includes('voice')) {
        await provider.send({
          to: '+33612345678',
          text: 'Votre code & le <reste> 123456',
          channel: 'voice',
          code: '123456',
          language: 'fr',
          reference: 'r-2',
        });
      }
      expect(simulator.requests.every((request) => request.outcome === 'accepted')).toBe(true);
      expect(simulator.messages).toHaveLength(provider.channels.length);
      simulator.messages.forEach((message, index) => {
        const path = simulator.requests[index]?.path ?? '';
        const operation = message.channel === 'sms' ? createMessage : createCall;
        expect(violations(operation, path, message.request)).toEqual([]);
      });
    }
  });
});
