import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { sensitiveValuesOf } from '../errors/redact.js';
import { expectNoSuperLinearWork } from '../text/timing.test-helper.js';
import { createProviderErrors } from './provider-errors.js';

const secret = 'Sup3r Secret!/"x"';
const pem = [
  '-----BEGIN PRIVATE KEY-----',
  'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj',
  'MzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu',
  '-----END PRIVATE KEY-----',
].join('\r\n');
const errors = createProviderErrors({ provider: 'acme', label: 'Acme', secrets: ['key12345', secret, pem] });
const response = (body: string, status = 400) => ({ status, headers: {}, body });

function shown(error: Error): string {
  return `${error.message}\n${inspect(error, { depth: 6 })}\n${JSON.stringify(error)}`;
}

describe('createProviderErrors: every form a secret is sent in', () => {
  it.each([
    ['form-encoded', `api_secret=${new URLSearchParams({ s: secret }).toString().slice(2)}`],
    ['URL-encoded', `?secret=${encodeURIComponent(secret)}`],
    ['JSON-escaped', JSON.stringify({ secret })],
    ['JSON-escaped with \\/', JSON.stringify({ secret }).replaceAll('/', '\\/')],
    ['XML-escaped', '<secret>Sup3r Secret!/&quot;x&quot;</secret>'],
    ['in Basic base64 with the key', `Basic ${Buffer.from(`key12345:${secret}`).toString('base64')}`],
    ['in Basic base64 with any user', `Basic ${Buffer.from(`someone-else:${secret}`).toString('base64')}`],
    ['as a PEM in JSON', JSON.stringify({ key: pem })],
    ['as PEM lines without \\r', pem.replaceAll('\r', '')],
  ])('redacts it %s', (_form, echo) => {
    const error = errors.fromResponse(response(`refused: ${echo} (end)`));
    const text = shown(error);
    expect(text).toContain('[redacted]');
    expect(text).toContain('(end)');
    for (const piece of ['Sup3r', 'MIIEvQIBADANBgkqhkiG9w0BAQEF', 'MzEfYyjiWA4R4', 'key12345'])
      expect(text).not.toContain(piece);
    for (const piece of text.split(/[^A-Za-z0-9+/=]+/))
      expect(Buffer.from(piece, 'base64').toString('latin1')).not.toMatch(/Sup3r|Secret!|key12345/);
  });

  it("redacts a message's bearer token or JWT given as sensitive, and the code in every form", () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJpYXQiOjE3MDAwMDAwMDB9.c2lnbmF0dXJlLXZhbHVlLTEyMzQ1Njc4OTA';
    const sensitive = [...sensitiveValuesOf({ to: '+447911123456', code: '493817' }), jwt];
    const error = errors.fromResponse(
      response(`{"detail":"Bearer ${jwt}; signature ${jwt.split('.')[2]}; to=%2B447911123456 code=493817"}`),
      {
        sensitive,
      },
    );
    const text = shown(error);
    expect(text).not.toMatch(/eyJpYXQ|c2lnbmF0dXJl|493817|7911123456/);
  });

  it('offers the same redaction for text a provider builds its own message from', () => {
    expect(errors.redact(`x ${encodeURIComponent(secret)} 493817`, ['493817'])).toBe(
      'x [redacted] [redacted]',
    );
  });
});

describe('createProviderErrors: large answers', () => {
  it('caps a body before redacting and summarising it, in linear time', () => {
    let slowest = 0;
    for (const body of [
      '<'.repeat(8 * 1024 * 1024),
      '1 '.repeat(4 * 1024 * 1024),
      `${'QUFB'.repeat(2 * 1024 * 1024)}`,
      `${'x'.repeat(8 * 1024 * 1024)}${secret}`,
    ]) {
      const started = performance.now();
      const error = errors.fromResponse(response(body, 502));
      slowest = Math.max(slowest, performance.now() - started);
      expect(error.message.length).toBeLessThan(300);
    }
    expectNoSuperLinearWork(slowest);
  });

  it('never shows the start of a secret that the cap cut', () => {
    const probe = createProviderErrors({
      provider: 'acme',
      label: 'Acme',
      secrets: ['Zq9Wsecret-value-long'],
    });
    for (let spaces = 16 * 1024 - 30; spaces <= 16 * 1024; spaces += 1) {
      const error = probe.fromResponse(response(`${' '.repeat(spaces)}Zq9Wsecret-value-long`));
      expect(error.message).not.toContain('Zq9W');
    }
  });
});

describe('createProviderErrors: refusals before sending, listed tokens', () => {
  it('makes a rejected error for a message refused before sending, its number and code hidden', () => {
    const message = { to: '+447400123456', code: '493817' };
    const error = errors.rejected(message, 'the text for +447400123456 with 493817 has 1700 characters');
    expect(error).toMatchObject({ code: 'rejected', provider: 'acme', retryable: false });
    expect(error.message).toBe('Acme: the text for [redacted] with [redacted] has 1700 characters');
  });

  it('hides a listed Basic token whole even when a base64 run of another secret sits inside it', () => {
    const token = Buffer.from('me@x.io:pw5!x').toString('base64');
    const probe = createProviderErrors({ provider: 'acme', label: 'Acme', secrets: ['me@x.io', token] });
    expect(probe.redact(`denied: Basic ${token}`)).toBe('denied: Basic [redacted]');
  });
});
