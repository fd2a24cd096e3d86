import { describe, expect, it } from 'vitest';

// The names each entry exports, as the README lists them. A change here is a change of the
// public API: update the README and add a changeset.
describe('@mfa-sms/simulator public API', () => {
  it('exports the simulators and the helpers for a provider of ones own', async () => {
    expect(Object.keys(await import('./index.js')).sort()).toEqual([
      'builtInProviders',
      'defineSimulatedProvider',
      'errorKinds',
      'managementScopes',
      'randomHex',
      'readBasicAuth',
      'readBearer',
      'readForm',
      'readJson',
      'resolveCredentials',
      'startManagementSimulator',
      'startSimulator',
      'startSimulatorWith',
      'toFault',
    ]);
  });

  it('exports the conformance suite and test helpers from /testing', async () => {
    expect(Object.keys(await import('./testing.js')).sort()).toEqual([
      'closedPort',
      'everythingVisible',
      'expectHidden',
      'faultMatrix',
      'recordingDispatcher',
      'rejection',
      'testMessage',
      'testOptions',
      'testPlugin',
      'testProvider',
      'testRedaction',
      'testStore',
      'useSimulator',
      'withDefaults',
    ]);
  });

  it('exports the fake Auth0 runtime from /auth0', async () => {
    expect(Object.keys(await import('./auth0/index.js')).sort()).toEqual([
      'auth0CacheLimits',
      'auth0ExecutionLimitMs',
      'auth0Secrets',
      'createFakeAuth0Cache',
      'customPhoneProviderApi',
      'customPhoneProviderEvent',
      'hookArguments',
      'oneTimeCode',
      'runExecution',
      'sendPhoneMessageApi',
      'sendPhoneMessageEvent',
    ]);
  });
});
