// What a provider package is built from (provider authors, through @mfa-sms/core/provider): the
// HTTP client and its pools, error classification, the plugin contract, XML, sendable checks, and
// the kit a factory is written with (createProviderClient, postMessage, buildProvider).

export { assertSendable } from './assert-sendable.js';
export type { Delivered, ProviderDefinition } from './build-provider.js';
export { buildProvider } from './build-provider.js';
export type { AnswerClassification, ProviderErrorRule } from './classify-answer.js';
export { classifyAnswer, codeForStatus } from './classify-answer.js';
export type { Dispatcher, HttpClient, HttpClientOptions } from './http.js';
export { createHttpClient } from './http.js';
export { closeHttpPools } from './http-pool.js';
export type { HttpRequest, HttpResponse } from './http-types.js';
export type { ProviderPlugin } from './plugin.js';
export { defineProviderPlugin } from './plugin.js';
export type { MessageAnswer, MessagePost } from './post-message.js';
export { postMessage } from './post-message.js';
export type {
  ProviderClient,
  ProviderClientSetup,
  ProviderSettings,
  SenderResolver,
} from './provider-client.js';
export { basicAuthorization, chosenSender, createProviderClient } from './provider-client.js';
export type {
  ProviderErrorDetails,
  ProviderErrorInit,
  ProviderErrors,
  ProviderErrorsOptions,
} from './provider-errors.js';
export { createProviderErrors, parseRetryAfter } from './provider-errors.js';
export type { XmlElement } from './xml.js';
export { escapeXml, parseXml } from './xml.js';
