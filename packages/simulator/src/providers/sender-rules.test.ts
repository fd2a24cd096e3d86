import { describe, expect, it } from 'vitest';
import { isEsendexSender } from './esendex/esendex-sender.js';
import { isMittoSender } from './mitto/mitto-sender.js';
import { isTwilioSender } from './twilio/twilio-sender.js';
import { isVonageSender } from './vonage/vonage-sender.js';

// Each provider's documented sender rule, as its fake states it (sources in each file). Where they
// differ from one another, a package that applies one combined rule lets through what one refuses.
const cases: readonly [string, boolean, boolean, boolean, boolean][] = [
  // sender            twilio vonage esendex mitto
  ['Acme', true, true, true, true],
  ['Acme Login', true, true, false, true],
  ['Acme & Co', true, true, false, false],
  ['Acme!', false, true, true, false],
  ['Acme.Co', false, true, true, false],
  ['Acme-Login', true, true, true, false],
  ['AcmeCorporation', false, false, false, false],
  ['Ac', true, true, true, false],
  ['+14155550100', true, true, true, true],
  ['14155550100', false, true, true, true],
  ['12345', true, true, true, true],
  ['123456789012345', false, true, true, false],
  [' Acme', false, true, false, false],
  ['', false, false, false, false],
];

describe('the simulated providers’ own sender rules', () => {
  it.each(cases)(
    '%j: twilio %s, vonage %s, esendex %s, mitto %s',
    (sender, twilio, vonage, esendex, mitto) => {
      expect([
        isTwilioSender(sender),
        isVonageSender(sender),
        isEsendexSender(sender),
        isMittoSender(sender),
      ]).toEqual([twilio, vonage, esendex, mitto]);
    },
  );
});
