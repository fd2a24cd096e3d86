import axios from 'axios';
import { describe, expect, it } from 'vitest';
import { type Answer, rawRequest } from '../../raw-request.test-helper.js';
import type { Simulator } from '../../simulator.js';
import { useSimulator } from '../../test-simulator.js';
import { esendexSimulator } from './esendex-simulator.js';

interface PostOptions {
  path?: string;
  method?: string;
  username?: string;
  password?: string;
  contentType?: string;
  accept?: string;
}

function post(body: string, options: PostOptions = {}): Promise<Answer> {
  const credentials = simulator.credentials.esendex;
  const authorization = Buffer.from(
    `${options.username ?? credentials.username}:${options.password ?? credentials.password}`,
  ).toString('base64');
  return rawRequest(`${simulator.url}${options.path ?? '/v1.0/messagedispatcher'}`, {
    method: options.method ?? 'POST',
    headers: {
      authorization: `Basic ${authorization}`,
      'content-type': options.contentType ?? 'application/xml; charset=utf-8',
      ...(options.accept === undefined ? {} : { accept: options.accept }),
    },
    body,
  });
}

function document(message: string, batch = '<accountreference>EX0000000</accountreference>'): string {
  return `<?xml version="1.0" encoding="UTF-8"?><messages>${batch}<message>${message}</message></messages>`;
}

const sms = document(
  '<from>Acme</from><to>447700900123</to><type>SMS</type><body>Your code is 123456</body>',
);

// The account reference the documents below name; the rest stays random.
const { simulator } = useSimulator({
  providers: [esendexSimulator],
  credentials: { esendex: { accountReference: 'EX0000000' } },
});

describe('esendex simulator: accepted requests', () => {
  it('accepts an XML SMS and answers with message headers in XML', async () => {
    const answer = await post(sms);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/application\/xml/);
    const id = /<messageheader uri="[^"]+\/v1\.0\/messageheaders\/([^"]+)" id="([^"]+)" \/>/.exec(
      answer.body,
    );
    expect(id?.[1]).toBe(id?.[2]);
    expect(answer.body).toMatch(
      /^<\?xml[^>]*\?><messageheaders batchid="[0-9A-F-]{36}" xmlns="http:\/\/api\.esendex\.com\/ns\/">/,
    );
    expect(simulator.messages).toMatchObject([
      {
        provider: 'esendex',
        channel: 'sms',
        id: id?.[2],
        to: '447700900123',
        from: 'Acme',
        text: 'Your code is 123456',
        request: {
          accountreference: 'EX0000000',
          message: { from: 'Acme', to: '447700900123', type: 'SMS', body: 'Your code is 123456' },
        },
      },
    ]);
  });

  it('accepts a Voice message with its language and decodes escaped text', async () => {
    const body = document(
      '<to>447700900123</to><type>Voice</type><body>Code: 1, 2, 3 &amp; &lt;b&gt; &#233;<![CDATA[ <raw> ]]></body><lang>fr-FR</lang><retries>2</retries><characterset>Auto</characterset>',
    );
    const answer = await post(body);
    expect(answer.status).toBe(200);
    expect(simulator.messages).toMatchObject([
      {
        channel: 'voice',
        text: 'Code: 1, 2, 3 & <b> é <raw> ',
        request: { message: { lang: 'fr-FR', retries: 2 } },
      },
    ]);
  });

  it('accepts the JSON form and answers in JSON when asked to', async () => {
    const answer = await post(
      JSON.stringify({
        accountreference: 'EX0000000',
        messages: [{ to: '447700900123', body: 'hello', from: 'Acme' }],
      }),
      { contentType: 'application/json', accept: 'application/json' },
    );
    expect(answer.status).toBe(200);
    const parsed = JSON.parse(answer.body) as {
      batch: { batchid: string; messageheaders: { id: string; uri: string }[] };
    };
    expect(parsed.batch.messageheaders[0]?.id).toBe(simulator.messages[0]?.id);
    expect(simulator.messages).toMatchObject([{ channel: 'sms', text: 'hello', from: 'Acme' }]);
  });
});

describe('esendex simulator: credentials', () => {
  it('answers 401 to a wrong password', async () => {
    const answer = await post(sms, { password: 'wrong' });
    expect([answer.status, answer.body]).toEqual([401, 'Unauthorised']);
    expect(simulator.messages).toHaveLength(0);
  });

  it('answers 401 to a wrong username', async () => {
    expect((await post(sms, { username: 'someone@example.com' })).status).toBe(401);
  });

  it('answers 403 to an account reference the login may not use', async () => {
    const answer = await post(
      document('<to>447700900123</to><body>x</body>', '<accountreference>EX9999999</accountreference>'),
    );
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('<errors xmlns="http://api.esendex.com/ns/"><error><description>');
  });
});

describe('esendex simulator: validation per the XSD', () => {
  const cases: [string, string, RegExp][] = [
    ['no account reference', document('<to>447700900123</to><body>x</body>', ''), /accountreference/],
    ['no recipient', document('<body>x</body>'), /messages\.0\.to:/],
    ['no body', document('<to>447700900123</to>'), /messages\.0\.body:/],
    ['an empty body', document('<to>447700900123</to><body></body>'), /body is required/],
    [
      'an unknown type',
      document('<to>447700900123</to><type>Fax</type><body>x</body>'),
      /messages\.0\.type:/,
    ],
    [
      'an unknown language',
      document('<to>447700900123</to><type>Voice</type><body>x</body><lang>it-IT</lang>'),
      /messages\.0\.lang:/,
    ],
    [
      'voice without a language',
      document('<to>447700900123</to><type>Voice</type><body>x</body>'),
      /lang is required/,
    ],
    [
      'an unknown character set',
      document('<to>447700900123</to><body>x</body><characterset>Latin1</characterset>'),
      /messages\.0\.characterset:/,
    ],
    ['fields out of order', document('<body>x</body><to>447700900123</to>'), /out of order/],
    [
      'a repeated field',
      document('<to>447700900123</to><body>x</body><body>y</body>'),
      /out of order or repeated/,
    ],
    [
      'an unknown element',
      document('<to>447700900123</to><body>x</body><priority>1</priority>'),
      /unexpected element/,
    ],
    ['a nested element in the body', document('<to>447700900123</to><body>x<b>y</b></body>'), /text only/],
    ['a bare ampersand', document('<to>447700900123</to><body>a & b</body>'), /bare &/],
    ['a mismatched tag', document('<to>447700900123</to><body>x</bod>'), /unexpected/],
    ['a DOCTYPE', `<!DOCTYPE messages [<!ENTITY x "y">]>${sms}`, /DOCTYPE/],
    [
      'a sender too long',
      document('<from>ThisIsTooLong</from><to>447700900123</to><body>x</body>'),
      /originator/,
    ],
    [
      'a non-integer retries',
      document('<to>447700900123</to><body>x</body><retries>two</retries>'),
      /messages\.0\.retries:/,
    ],
    [
      'no message at all',
      '<messages><accountreference>EX0000000</accountreference></messages>',
      /Bad Request: messages:/,
    ],
    ['not XML at all', 'hello', /root element/],
  ];
  for (const [name, body, description] of cases) {
    it(`answers 400 for ${name}`, async () => {
      const answer = await post(body);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatch(
        /^<\?xml[^>]*\?><errors xmlns="http:\/\/api\.esendex\.com\/ns\/"><error><description>/,
      );
      expect(answer.body).toMatch(description);
      expect(simulator.messages).toHaveLength(0);
    });
  }

  it('answers 400 naming an invalid recipient', async () => {
    const answer = await post(document('<to>44abc</to><body>x</body>'));
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('Invalid recipient: &#39;44abc&#39; is not a valid phone number');
    expect(answer.body).toContain('<values><value>44abc</value></values>');
  });

  it('answers 400 to an invalid JSON request', async () => {
    const answer = await post(
      JSON.stringify({ accountreference: 'EX0000000', messages: [{ to: '447700900123' }] }),
      {
        contentType: 'application/json',
      },
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toMatch(/messages\.0\.body/);
  });
});

describe('esendex simulator: faults', () => {
  const kinds: [Parameters<Simulator['fail']>[1], number, RegExp][] = [
    ['invalid-number', 400, /Invalid recipient: &#39;447700900123&#39;/],
    ['auth', 401, /^Unauthorised$/],
    ['no-credit', 402, /insufficient credits/],
    ['rate-limit', 429, /^Too Many Requests$/],
    ['unavailable', 503, /^Service Unavailable$/],
    ['transient', 503, /^Service Unavailable$/],
    ['not-found', 404, /^Not Found$/],
    ['method-not-allowed', 405, /^Method Not Allowed$/],
    ['bad-request', 400, /<description>Bad Request/],
  ];
  for (const [kind, status, body] of kinds) {
    it(`renders ${String(kind)} as HTTP ${status}`, async () => {
      simulator.fail('esendex', kind);
      const answer = await post(sms);
      expect(answer.status).toBe(status);
      expect(answer.body).toMatch(body);
      expect(simulator.messages).toHaveLength(0);
    });
  }

  it('sends retry-after with a rate limit', async () => {
    simulator.fail('esendex', { type: 'error', kind: 'rate-limit', retryAfter: 7 });
    expect((await post(sms)).headers['retry-after']).toBe('7');
  });

  it('treats a code as the HTTP status, with Esendex body for it', async () => {
    for (const [code, body] of [
      [402, /insufficient credits/],
      [403, /does not have access/],
      [408, /^Request Timeout$/],
      [500, /^Internal Server Error$/],
      ['503', /^Service Unavailable$/],
    ] as const) {
      simulator.fail('esendex', { type: 'code', code });
      const answer = await post(sms);
      expect(answer.status).toBe(Number(code));
      expect(answer.body).toMatch(body);
    }
  });

  it('answers 404 for another path', async () => {
    expect((await post(sms, { path: '/v1.0/messagedispatchers' })).status).toBe(404);
  });
});

describe("esendex simulator: the classic Auth0 guide's request", () => {
  it('accepts the hook snippet as written: axios, Basic auth, JSON and no sender', async () => {
    const { accountReference, username, password } = simulator.credentials.esendex;
    // The guide's hook, with the simulator's URL in place of https://api.esendex.com.
    const response = await axios.post(
      `${simulator.url}/v1.0/messagedispatcher`,
      { accountreference: accountReference, messages: [{ to: '447700900123', body: 'Your code is 493817' }] },
      { auth: { username, password } },
    );
    expect(response.status).toBe(200);
    expect(simulator.messages).toMatchObject([
      { provider: 'esendex', to: '447700900123', text: 'Your code is 493817' },
    ]);
    expect(simulator.messages[0]?.from).toBeUndefined();
  });
});
