// @mfa-sms/core/provider: what a provider package is built from. Users of providers need none
// of it; they import from @mfa-sms/core.

export type { Schema, SchemaIssue } from './contract/options.js';
export { lazySchema, parseOptions } from './contract/options.js';
export { redactSecrets, sensitiveValuesOf, summarizeBody } from './errors/redact.js';
export { isE164 } from './phone/e164.js';
export { assertSendable } from './provider-kit/assert-sendable.js';
export type { Delivered, ProviderDefinition } from './provider-kit/build-provider.js';
export { buildProvider } from './provider-kit/build-provider.js';
export type { AnswerClassification, ProviderErrorRule } from './provider-kit/classify-answer.js';
export { classifyAnswer, codeForStatus } from './provider-kit/classify-answer.js';
export type { HttpClient, HttpClientOptions } from './provider-kit/http.js';
export { createHttpClient } from './provider-kit/http.js';
export type { HttpRequest, HttpResponse } from './provider-kit/http-types.js';
export type { ProviderPlugin } from './provider-kit/plugin.js';
export { defineProviderPlugin } from './provider-kit/plugin.js';
export type { MessageAnswer, MessagePost } from './provider-kit/post-message.js';
export { postMessage } from './provider-kit/post-message.js';
export type {
  ProviderClient,
  ProviderClientSetup,
  ProviderSettings,
  SenderResolver,
} from './provider-kit/provider-client.js';
export { basicAuthorization, chosenSender, createProviderClient } from './provider-kit/provider-client.js';
export type {
  ProviderErrorDetails,
  ProviderErrorInit,
  ProviderErrors,
  ProviderErrorsOptions,
} from './provider-kit/provider-errors.js';
export { createProviderErrors, parseRetryAfter } from './provider-kit/provider-errors.js';
export type { XmlElement } from './provider-kit/xml.js';
export { escapeXml, parseXml } from './provider-kit/xml.js';
export { senderIdRule } from './sender/sender-id.js';
export type { SenderChoice, SenderResolverOptions } from './sender/sender-map.js';
export { createSenderResolver, senderCountryKey } from './sender/sender-map.js';
