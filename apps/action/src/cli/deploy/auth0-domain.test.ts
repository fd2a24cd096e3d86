import { describe, expect, it } from 'vitest';
import { auth0Origin } from './auth0-domain.js';

describe('AUTH0_DOMAIN', () => {
  it.each([
    ['example.eu.auth0.com', 'https://example.eu.auth0.com'],
    ['https://example.eu.auth0.com', 'https://example.eu.auth0.com'],
    ['https://example.eu.auth0.com/', 'https://example.eu.auth0.com'],
    ['  login.example.com  ', 'https://login.example.com'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://localhost:4010', 'http://localhost:4010'],
    ['http://[::1]:4010', 'http://[::1]:4010'],
  ])('takes %s as %s', (domain, origin) => {
    expect(auth0Origin(domain)).toBe(origin);
  });

  it.each([
    ['http://example.invalid', /http:\/\/ only for this machine/],
    ['http://tenant.auth0.com', /http:\/\/ only for this machine/],
    ['http://127.0.0.1.example.invalid', /http:\/\/ only for this machine/],
    ['tenant.auth0.com@example.invalid', /user name or password/],
    ['https://user:password@tenant.auth0.com', /user name or password/],
    ['tenant.auth0.com/api/v2', /path/],
    ['https://tenant.auth0.com?x=1', /query/],
    ['https://tenant.auth0.com#x', /query/],
    ['ftp://tenant.auth0.com', /not a domain or URL/],
    ['https://', /not a domain or URL/],
  ])('refuses %s', (domain, reason) => {
    let failure: unknown;
    try {
      auth0Origin(domain);
    } catch (error) {
      failure = error;
    }
    expect(failure).toMatchObject({ code: 'invalid_config', message: expect.stringMatching(reason) });
    // The value may hold a password: the message names the variable, never repeats it.
    expect((failure as Error).message).not.toContain('password@');
    expect((failure as Error).message).not.toContain('example.invalid');
  });
});
