// One HTTP exchange as a provider package sees it: what it asks the client to send, and the answer
// the client hands back (to the provider, and to its error factory).

export interface HttpRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path and query, appended to the base URL's path. */
  path: string;
  headers?: Readonly<Record<string, string>>;
  body?: string;
  signal?: AbortSignal;
  /** Shortens the client's timeout for this request; a longer value does not lengthen it. */
  timeoutMs?: number;
  /**
   * Per-message values that must never appear in an error: the one-time code, the recipient. A
   * function is called only when an error is made: a send that succeeds then never lists them.
   * It must not throw (it runs inside undici's callbacks); build it from values already checked.
   */
  sensitive?: readonly (string | undefined)[] | (() => readonly (string | undefined)[]);
}

/** An HTTP answer as the client hands it over. */
export interface HttpResponse {
  status: number;
  /** Lower-case header names; repeated headers joined with `, `. */
  headers: Readonly<Record<string, string | undefined>>;
  body: string;
}
