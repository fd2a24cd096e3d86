export type { CustomPhoneProviderEvent, HookContext, SendPhoneMessageEvent } from '@mfa-sms/core';
export type {
  ExecutionTimeout,
  FakeCustomPhoneProviderApi,
  FakeSendPhoneMessageApi,
  NotificationCalls,
  NotificationDecision,
} from './auth0-api.js';
export {
  auth0ExecutionLimitMs,
  customPhoneProviderApi,
  runExecution,
  sendPhoneMessageApi,
} from './auth0-api.js';
export type { FakeAuth0Cache, FakeAuth0CacheOptions, FakeAuth0CacheRecord, WhenFull } from './auth0-cache.js';
export { auth0CacheLimits, createFakeAuth0Cache } from './auth0-cache.js';
export type { Auth0EventInput } from './auth0-events.js';
export {
  auth0Secrets,
  customPhoneProviderEvent,
  hookArguments,
  oneTimeCode,
  sendPhoneMessageEvent,
} from './auth0-events.js';
