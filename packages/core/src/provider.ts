// @mfa-sms/core/provider: what a provider package is built from. Users of providers need none
// of it; they import from @mfa-sms/core.
export type { AnswerClassification, ProviderErrorRule } from './classify-answer.js';
export { classifyAnswer, codeForStatus } from './classify-answer.js';
export { isE164 } from './e164.js';
export type { HttpClient, HttpClientOptions, HttpRequest } from './http.js';
export { createHttpClient } from './http.js';
export { assertSendable } from './message.js';
export type { Schema, SchemaIssue } from './options.js';
export { lazySchema, parseOptions } from './options.js';
export type { ProviderPlugin } from './plugin.js';
export { defineProviderPlugin } from './plugin.js';
export type {
  HttpResponse,
  ProviderErrorDetails,
  ProviderErrorInit,
  ProviderErrors,
  ProviderErrorsOptions,
} from './provider-errors.js';
export { createProviderErrors, parseRetryAfter } from './provider-errors.js';
export { redactSecrets, sensitiveValuesOf, summarizeBody } from './redact.js';
export { senderIdRule } from './sender-id.js';
export type { SenderChoice, SenderResolverOptions } from './sender-map.js';
export { createSenderResolver, senderCountryKey } from './sender-map.js';
export type { XmlElement } from './xml.js';
export { escapeXml, parseXml } from './xml.js';
