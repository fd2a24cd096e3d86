import { describe, expect, it } from 'vitest';
import { builtInProviders } from '../providers/index.js';
import type { SimulatedMessage } from '../simulated-provider.js';
import { spokenLanguage, toInboxMessage } from './inbox-message.js';

function message(fields: Partial<SimulatedMessage>): SimulatedMessage {
  return {
    provider: 'twilio',
    channel: 'voice',
    id: 'id-1',
    to: '+447911123456',
    text: 'Your code is 1, 2, 3.',
    request: {},
    at: 0,
    ...fields,
  };
}

describe('spokenLanguage', () => {
  it('reads the first <Say language> of the TwiML', () => {
    const twiml =
      '<Response><Pause length="1"/><Say language="fr-FR">Votre code</Say><Say language="en-GB">x</Say></Response>';
    expect(spokenLanguage(message({ request: { Twiml: twiml } }), builtInProviders)).toBe('fr-FR');
  });

  it('has none for a call that fetches its TwiML from a URL, or a <Say> without a language', () => {
    expect(
      spokenLanguage(message({ request: { Url: 'https://example.com/twiml' } }), builtInProviders),
    ).toBeUndefined();
    expect(
      spokenLanguage(message({ request: { Twiml: '<Response><Say>Hi</Say></Response>' } }), builtInProviders),
    ).toBeUndefined();
  });

  it('reads the talk action’s language of an NCCO', () => {
    const request = { ncco: [{ action: 'talk', text: 'Hallo', language: 'de-DE' }] };
    expect(spokenLanguage(message({ provider: 'vonage', request }), builtInProviders)).toBe('de-DE');
    expect(
      spokenLanguage(message({ provider: 'vonage', request: { ncco: 'no' } }), builtInProviders),
    ).toBeUndefined();
  });

  it('reads Esendex’s lang from the message, or from the batch when the message has none', () => {
    expect(
      spokenLanguage(
        message({ provider: 'esendex', request: { lang: 'en-GB', message: { lang: 'fr-FR' } } }),
        builtInProviders,
      ),
    ).toBe('fr-FR');
    expect(
      spokenLanguage(
        message({ provider: 'esendex', request: { lang: 'en-AU', message: {} } }),
        builtInProviders,
      ),
    ).toBe('en-AU');
  });
});

describe('toInboxMessage', () => {
  it('counts an SMS’s segments as carriers bill them and masks its recipient', () => {
    const view = toInboxMessage(
      message({ channel: 'sms', text: 'é'.repeat(161), request: {} }),
      builtInProviders,
    );
    expect(view.maskedTo).toBe('+44******456');
    expect(view.segments).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(view.language).toBeUndefined();
  });

  it('gives a call its language and no segments', () => {
    const view = toInboxMessage(
      message({ request: { Twiml: '<Response><Say language="en-GB">Hi</Say></Response>' } }),
      builtInProviders,
    );
    expect(view).toMatchObject({ channel: 'voice', language: 'en-GB' });
    expect(view.segments).toBeUndefined();
  });
});
