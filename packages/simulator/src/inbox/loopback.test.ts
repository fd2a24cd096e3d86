import { describe, expect, it } from 'vitest';
import { exposedHostWarning, isLoopbackHost } from './loopback.js';

describe('isLoopbackHost', () => {
  it.each(['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]', '::ffff:127.0.0.1'])(
    'takes %s for loopback',
    (host) => expect(isLoopbackHost(host)).toBe(true),
  );

  it.each(['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'example.com', '128.0.0.1', ''])(
    'takes %s for an address other machines can reach',
    (host) => expect(isLoopbackHost(host)).toBe(false),
  );
});

describe('exposedHostWarning', () => {
  it('names the host and what it exposes', () => {
    expect(exposedHostWarning('0.0.0.0')).toMatch(/^Warning: --host 0\.0\.0\.0 .*inbox.*phone numbers/);
  });
});
