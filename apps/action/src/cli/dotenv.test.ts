import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDotenv } from './dotenv.js';

function envFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'mfa-sms-dotenv-')), '.env');
  writeFileSync(file, content);
  return file;
}

const pem = [
  '-----BEGIN PRIVATE KEY-----',
  'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj',
  'MzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu',
  'NMoSfm76oqFvAp8Gy0iz5sxjZmSnXyCdPEovGhLa0VzMaQ8s+CLOyS56YyCFGeJZ==',
  '-----END PRIVATE KEY-----',
].join('\n');

describe('readDotenv', () => {
  it('reads a private key split over several quoted lines as one value, CRLF or LF', () => {
    for (const newline of ['\n', '\r\n']) {
      const values = readDotenv(
        envFile(
          [`VONAGE_PRIVATE_KEY="${pem}"`, 'VONAGE_APPLICATION_ID=app', `OTHER='${pem}'`, 'LAST=1']
            .join('\n')
            .replaceAll('\n', newline),
        ),
      );
      expect(Object.keys(values).sort()).toEqual([
        'LAST',
        'OTHER',
        'VONAGE_APPLICATION_ID',
        'VONAGE_PRIVATE_KEY',
      ]);
      expect(values.VONAGE_PRIVATE_KEY).toBe(pem);
      expect(values.OTHER).toBe(pem);
      expect(values.LAST).toBe('1');
    }
  });

  it('reads comments, export, quotes, \\n in double quotes and trailing comments', () => {
    const values = readDotenv(
      envFile(
        [
          '# a comment',
          'export EXPORTED=yes',
          'PLAIN=value # a comment',
          'HASH="a#b"',
          'ESCAPED="line1\\nline2"',
          "SINGLE='as\\nis'",
          'EMPTY=',
          '  SPACED  =  spaced  ',
        ].join('\n'),
      ),
    );
    expect(values).toEqual({
      EXPORTED: 'yes',
      PLAIN: 'value',
      HASH: 'a#b',
      ESCAPED: 'line1\nline2',
      SINGLE: 'as\\nis',
      EMPTY: '',
      SPACED: 'spaced',
    });
  });

  it('returns {} for a missing file', () => {
    expect(readDotenv(join(tmpdir(), 'no-such-dir-mfa-sms', '.env'))).toEqual({});
  });

  it('lets no name reach the prototype', () => {
    const values = readDotenv(envFile('__proto__=polluted\nconstructor=x\nprototype=y\n'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(values)).not.toHaveProperty('polluted');
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
  });
});

describe('readDotenv and quotes inside values', () => {
  it('says so instead of cutting a double-quoted value at \\"', () => {
    expect(() => readDotenv(envFile('PASSWORD="say \\"hi\\""\n'))).toThrow(/PASSWORD ends at \\"/);
    expect(readDotenv(envFile(`PASSWORD='say "hi"'\n`))).toEqual({ PASSWORD: 'say "hi"' });
  });
});
