// `normalizePhoneNumber` against bare libphonenumber-js with the same metadata, in one process
// (they share libphonenumber's code and metadata, so neither warms the JIT for the other alone),
// in alternating batches. Prints one JSON line.
import { readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const settings = JSON.parse(process.env.BENCH_NUMBERS ?? '{}');
const rounds = settings.rounds ?? 10;
const batchMs = settings.batchMs ?? 200;

// What logins send: numbers as people type them, in several countries, a few national ones
// read with the country Auth0's geo-IP gives, and the country-code-first form of Auth0's samples.
const inputs = [
  ['+33 6 12 34 56 78'],
  ['+33612345678'],
  ['06 12 34 56 78', 'FR'],
  ['+1 (415) 555-2671'],
  ['(415) 555-2671', 'US'],
  ['1-808-555-5555', 'US'],
  ['+44 7911 123456'],
  ['07911 123456', 'GB'],
  ['+49 151 23456789'],
  ['0151 23456789', 'DE'],
  ['+61 412 345 678'],
  ['+91 98765 43210'],
  ['+55 11 91234-5678'],
  ['+81 90-1234-5678'],
  ['+34 612 34 56 78'],
  ['+27 82 123 4567'],
];

function print(result) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

// The library's own entry for the metadata core uses: core loads libphonenumber-js through
// src/phone/libphonenumber.ts (its `core` entry and one metadata file), formerly an entry such as `/max`
// straight from phone-number.ts.
function metadataVariant() {
  for (const file of [
    'packages/core/src/phone/libphonenumber.ts',
    'packages/core/src/phone/phone-number.ts',
  ]) {
    let source;
    try {
      source = readFileSync(new URL(file, root), 'utf8');
    } catch {
      continue;
    }
    const metadata = /['"]libphonenumber-js\/metadata\.(max|min|mobile)\.json['"]/.exec(source);
    if (metadata) return `libphonenumber-js/${metadata[1]}`;
    const entry = /from\s+['"](libphonenumber-js(?:\/(?:max|min|mobile))?)['"]/.exec(source);
    if (entry) return entry[1];
  }
  return undefined;
}

async function main() {
  const variant = metadataVariant();
  if (!variant) {
    print({ skipped: 'packages/core/src has no libphonenumber-js entry or metadata to compare with' });
    return;
  }
  const core = await import('@mfa-sms/core');
  if (typeof core.normalizePhoneNumber !== 'function') {
    print({ skipped: '@mfa-sms/core is not built with normalizePhoneNumber yet (npm run build)' });
    return;
  }
  const phone = await import(variant);
  const { parsePhoneNumberFromString } = phone;

  const candidates = {
    normalizePhoneNumber(input, defaultCountry) {
      return core.normalizePhoneNumber(input, defaultCountry ? { defaultCountry } : {}).e164;
    },
    'bare parse + validate + format'(input, defaultCountry) {
      const parsed = parsePhoneNumberFromString(input, defaultCountry ? { defaultCountry } : {});
      if (!parsed?.isValid()) throw new Error('invalid phone number');
      return parsed.format('E.164');
    },
    // Same as above plus the number type, which normalizePhoneNumber also works out.
    'bare parse + validate + format + getType'(input, defaultCountry) {
      const parsed = parsePhoneNumberFromString(input, defaultCountry ? { defaultCountry } : {});
      if (!parsed?.isValid()) throw new Error('invalid phone number');
      parsed.getType();
      return parsed.format('E.164');
    },
  };

  // The same answers, or the comparison would not be of the same work.
  const disagreements = [];
  for (const [input, country] of inputs) {
    const answers = Object.entries(candidates).map(([name, run]) => {
      try {
        return `${run(input, country)}`;
      } catch (error) {
        return `throws (${name}: ${error.message})`;
      }
    });
    if (new Set(answers).size !== 1) disagreements.push({ input, country, answers });
  }
  if (disagreements.length) {
    print({ error: 'normalizePhoneNumber and libphonenumber-js disagree', disagreements });
    process.exitCode = 1;
    return;
  }

  let sink = 0;
  function batch(run, repetitions) {
    const started = performance.now();
    for (let repetition = 0; repetition < repetitions; repetition += 1) {
      for (const [input, country] of inputs) sink += run(input, country).length;
    }
    return performance.now() - started;
  }
  // Calibrate on the slowest candidate so that every batch lasts about batchMs.
  let repetitions = 50;
  for (const run of Object.values(candidates)) {
    for (let warm = 0; warm < 3; warm += 1) batch(run, repetitions);
  }
  const slowest = Math.max(...Object.values(candidates).map((run) => batch(run, repetitions)));
  repetitions = Math.max(1, Math.round((repetitions * batchMs) / slowest));

  const names = Object.keys(candidates);
  const perSecond = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const elapsedMs = batch(candidates[name], repetitions);
      perSecond[name].push((repetitions * inputs.length * 1000) / elapsedMs);
    }
  }
  print({ variant, inputs: inputs.length, repetitions, rounds, perSecond, sink: sink > 0 });
}

main().catch((error) => {
  print({ error: error instanceof Error ? error.stack || error.message : String(error) });
  process.exitCode = 1;
});
