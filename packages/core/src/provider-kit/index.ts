// What a provider package is built from (provider authors, through @mfa-sms/core/provider): the
// HTTP client and its pools, error classification, the plugin contract, XML, sendable checks.
export type { AnswerClassification, ProviderErrorRule } from './classify-answer.js';
export { classifyAnswer, codeForStatus } from './classify-answer.js';
export type { Dispatcher, HttpClient, HttpClientOptions, HttpRequest } from './http.js';
export { createHttpClient } from './http.js';
export { closeHttpPools } from './http-pool.js';
export { assertSendable } from './message.js';
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
export type { XmlElement } from './xml.js';
export { escapeXml, parseXml } from './xml.js';
