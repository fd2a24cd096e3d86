import { describe, expect, it } from 'vitest';
import { base64Runs, redactBase64Runs, secretForms } from './secret-forms.js';

describe('secretForms', () => {
  it('lists a secret raw, URL-encoded, form-encoded, JSON- and XML-escaped', () => {
    const forms = secretForms('Sup3r Secret!/"x"');
    expect(forms).toEqual(
      expect.arrayContaining([
        'Sup3r Secret!/"x"',
        'Sup3r%20Secret!%2F%22x%22',
        'Sup3r+Secret%21%2F%22x%22',
        'Sup3r Secret!/\\"x\\"',
        'Sup3r Secret!\\/\\"x\\"',
        'Sup3r Secret!/&quot;x&quot;',
      ]),
    );
    expect(new Set(forms).size).toBe(forms.length);
  });

  it('lists each line of a PEM key, \\r stripped, and the key without \\r', () => {
    const pem =
      '-----BEGIN PRIVATE KEY-----\r\nMIIEvQIBADANBgkqhkiG9w0BAQEF\r\nAASCBKcwggSjAgEAAoIBAQC7+/==\r\n-----END PRIVATE KEY-----';
    const forms = secretForms(pem);
    expect(forms).toEqual(
      expect.arrayContaining([
        'MIIEvQIBADANBgkqhkiG9w0BAQEF',
        'AASCBKcwggSjAgEAAoIBAQC7+/==',
        'AASCBKcwggSjAgEAAoIBAQC7%2B%2F%3D%3D',
        pem.replaceAll('\r', ''),
        JSON.stringify(pem.replaceAll('\r', '')).slice(1, -1),
      ]),
    );
    expect(forms).not.toContain('-----BEGIN PRIVATE KEY-----');
    expect(forms.every((form) => !form.endsWith('\r'))).toBe(true);
  });

  it("lists a JWT's signature", () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJpYXQiOjF9.c2lnbmF0dXJlLXZhbHVlLTEyMzQ1Njc4OTA';
    expect(secretForms(jwt)).toEqual(expect.arrayContaining([jwt, 'c2lnbmF0dXJlLXZhbHVlLTEyMzQ1Njc4OTA']));
  });
});

describe('base64 runs', () => {
  const secret = 'Sup3r+Secret!';
  it.each(['k', 'ke', 'key', 'a-much-longer-user-name'])(
    'leave nothing of the secret in Basic base64(%s:secret), nor in (secret:user)',
    (user) => {
      for (const pair of [`${user}:${secret}`, `${secret}:${user}`]) {
        const header = `Authorization: Basic ${Buffer.from(pair).toString('base64')} was refused`;
        const redacted = redactBase64Runs(header, base64Runs(secret));
        expect(redacted).toMatch(/^Authorization: Basic .*\[redacted\].* was refused$/);
        for (const piece of redacted.split(/[\s[\]]+/)) {
          expect(Buffer.from(piece, 'base64').toString('latin1')).not.toMatch(/Sup3r|Secret|3r\+S/);
        }
      }
    },
  );

  it('are not made for secrets too short to tell from chance', () => {
    expect(base64Runs('abcd')).toEqual([]);
  });

  it('take linear time on a long run of base64', () => {
    const runs = base64Runs('a-secret-value-of-some-length');
    const text = `${'QUFB'.repeat(256 * 1024)}${Buffer.from('x:a-secret-value-of-some-length').toString('base64')}`;
    const started = performance.now();
    expect(redactBase64Runs(text, runs)).toContain('[redacted]');
    expect(performance.now() - started).toBeLessThan(500);
  });
});
