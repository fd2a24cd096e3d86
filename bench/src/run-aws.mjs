// `node bench/src/run-aws.mjs`: only issue 27's comparisons, for working on them without the whole
// `npm run bench` (which measures them too, in RESULTS.md): the Action's cold start with
// MFA_SMS_PROVIDERS=aws against the Action with Twilio, and warm sends through createAws against
// the official @aws-sdk/client-sns. Writes bench/.tmp/RESULTS.aws.md (not for committing).
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderReport } from './report.mjs';
import { runSuite } from './suite.mjs';

const run = await runSuite({
  cold: { scenarios: ['action', 'action-aws', 'aws-sdk-sns', 'aws-packages'], rounds: 15 },
  warm: {
    scenarios: ['aws-sdk-sns', 'aws-packages'],
    rounds: 5,
    durationMs: 2000,
    warmup: 200,
    concurrencies: [1, 32],
  },
  packageSizes: false,
});
const report = renderReport({
  title: 'mfa-sms benchmark: AWS only',
  command: 'node bench/src/run-aws.mjs',
  ...run,
});
const output = new URL('../.tmp/RESULTS.aws.md', import.meta.url);
mkdirSync(new URL('.', output), { recursive: true });
writeFileSync(output, report);
console.log(`\n${report}`);
console.log(`written to ${fileURLToPath(output)}`);
