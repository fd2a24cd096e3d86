import type { Schema } from '../contract/options.js';
import type { PhoneMessage, SendOptions } from '../contract/types.js';
import { sensitiveValuesOf } from '../errors/redact.js';
import type { HttpClient } from './http.js';
import type { HttpResponse } from './http-types.js';

interface MessageRequest {
  /** Path and query, after the client's base URL. */
  path: string;
  /** A string is sent as it is (a form, XML); anything else as JSON. */
  body: string | object;
  /** Headers of this request only (a signature, a per-call token), over the client's. */
  headers?: Readonly<Record<string, string>>;
  /** The message sent: its recipient and code are kept out of every error. */
  message: Pick<PhoneMessage, 'to' | 'code'>;
  /** The caller's signal and timeout. */
  sendOptions: SendOptions | undefined;
  /** More values to keep out of errors for this request only (a per-call token). */
  sensitive?: readonly string[];
  /** Whether a status is a success. Default: any 2xx. */
  accepted?(status: number): boolean;
  /** Whether an accepted answer still refuses the message (a 200 whose body says no). */
  refused?(response: HttpResponse): boolean;
  /**
   * The provider's error for an answer not accepted, or refused: where its error table is read.
   * `sensitive` is the message's values, for the error to redact.
   */
  failure(response: HttpResponse, sensitive: string[]): Error;
}

/** How the accepted answer is read: a schema for its JSON body (`bad_response` if it differs), or a reader. */
type AnswerReader<T> = { schema: Schema<T> } | { read(response: HttpResponse): T };

/** One request for one message, and how its answer is judged and read. */
export type MessagePost<T> = MessageRequest & AnswerReader<T>;

/** What `postMessage` resolves with. */
export interface MessageAnswer<T> {
  /** The accepted answer, as the schema or reader made it. */
  answer: T;
  response: HttpResponse;
  /** The values kept out of errors (worked out once, when first asked), for checks of the answer. */
  sensitive(): string[];
}

/**
 * Posts one message's request with the caller's signal and timeout, the message's recipient and
 * code marked sensitive, then judges the answer: not accepted (not 2xx by default) or refused is
 * the provider's `failure`; otherwise it is read with the schema or reader. A transport failure,
 * timeout or abort rejects as the HTTP client's errors do.
 */
export async function postMessage<T>(http: HttpClient, post: MessagePost<T>): Promise<MessageAnswer<T>> {
  let values: string[] | undefined;
  // Worked out only when an error needs them: a send that succeeds never lists them.
  const sensitive = () => {
    values ??= post.sensitive
      ? [...sensitiveValuesOf(post.message), ...post.sensitive]
      : sensitiveValuesOf(post.message);
    return values;
  };
  const response = await http.request({
    path: post.path,
    ...(post.headers === undefined ? {} : { headers: post.headers }),
    body: typeof post.body === 'string' ? post.body : JSON.stringify(post.body),
    sensitive,
    signal: post.sendOptions?.signal,
    timeoutMs: post.sendOptions?.timeoutMs,
  });
  const { status } = response;
  const accepted = post.accepted ? post.accepted(status) : status >= 200 && status < 300;
  if (!accepted || post.refused?.(response)) throw post.failure(response, sensitive());
  const answer = 'schema' in post ? http.parseJson(response, post.schema) : post.read(response);
  return { answer, response, sensitive };
}
