import { describe, expect, it } from 'vitest';

// The names each entry exports, as its README lists them. A change here is a change of the
// public API: update the README and add a changeset.
const root = [
  'MfaSmsError',
  'alphanumericRefusedCountries',
  'appendAutofillLines',
  'callingCodeOf',
  'checkStoreKey',
  'closeHttpPools',
  'countSegments',
  'createActionHandlers',
  'createAuth0CacheStore',
  'createGuard',
  'createMemoryStore',
  'createRedisStore',
  'createRouter',
  'createStoreKeyer',
  'createVelocityLimiter',
  'defaultHealth',
  'defaultMessage',
  'defaultVelocityLimits',
  'errorCodes',
  'fromCustomPhoneProviderEvent',
  'fromHook',
  'fromSendPhoneMessageEvent',
  'isGsm7',
  'isMfaSmsError',
  'isRetryableCode',
  'isSenderId',
  'isSmsCapableType',
  'maskPhoneNumber',
  'negotiateLanguage',
  'normalizePhoneNumber',
  'numberRangeOf',
  'parseAutofillOptions',
  'parseHealth',
  'parseVelocityLimits',
  'phoneNumberInfo',
  'phoneNumberTypes',
  'renderTemplate',
  'resolveHealth',
  'resolveVelocityLimits',
  'senderIdKind',
  'speakCodesInText',
  'speakableCode',
  'storeKeyerFor',
  'supportedLanguages',
  'toBcp47',
];

const provider = [
  'assertSendable',
  'basicAuthorization',
  'buildProvider',
  'chosenSender',
  'classifyAnswer',
  'codeForStatus',
  'createHttpClient',
  'createProviderClient',
  'createProviderErrors',
  'createSenderResolver',
  'defineProviderPlugin',
  'escapeXml',
  'isE164',
  'lazySchema',
  'parseOptions',
  'parseRetryAfter',
  'parseXml',
  'postMessage',
  'redactSecrets',
  'senderCountryKey',
  'senderIdRule',
  'sensitiveValuesOf',
  'summarizeBody',
];

describe('@mfa-sms/core public API', () => {
  it('exports from its root what users of providers need', async () => {
    expect(Object.keys(await import('./index.js')).sort()).toEqual(root);
  });

  it('exports from /provider what only provider authors need, and nothing twice', async () => {
    expect(Object.keys(await import('./provider.js')).sort()).toEqual(provider);
    expect(root.filter((name) => provider.includes(name))).toEqual([]);
  });
});
