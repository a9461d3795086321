/**
 * HTTP for the REST adapter: the sign-in token (`getToken`, one refresh after a 401 shared by every
 * request refused meanwhile), headers, timeouts, and retries with backoff by how safe a repeat is —
 * reads always, writes only when a repeat cannot apply them twice (see `createRestStorage`).
 */
import { MentorKitError, reportStorageError } from '@mentorkit/core';
import { TransportFailure, errorFromResponse } from './errors.js';
import type { RestStorageOptions } from './options.js';
import type { RestStorageState } from './state.js';

/** How safe it is to send a request again when its outcome is unknown. */
export type Safety = 'read' | 'conditional-write' | 'unconditional-write';

export interface RetrySettings {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface HttpClient {
  /**
   * One fetch with the current token; after a 401 (with `getToken`), once more with a refreshed one.
   * Resolves to the response, or to a TransportFailure when no answer came.
   */
  fetchWithToken(
    url: string,
    init: { method: string; headers: Record<string, string>; body?: BodyInit; signal: () => AbortSignal; changeStream?: boolean },
  ): Promise<Response | TransportFailure>;
  /**
   * One HTTP exchange with retries by `safety`. Resolves to the response (any status but 5xx, 429
   * and 408; a 401 only after the token was refreshed once); rejects with TransportFailure.
   */
  request(method: string, path: string, init: { body?: BodyInit; headers?: Record<string, string>; safety: Safety; attempts?: number }): Promise<Response>;
  /** `request`, with a TransportFailure turned into the `storage-error` a caller gets (`failedWhat`: "Reading goals/g1 failed"). */
  requestOrStorageError(
    method: string,
    path: string,
    init: { body?: BodyInit; headers?: Record<string, string>; safety: Safety; attempts?: number },
    failedWhat: string,
  ): Promise<Response>;
  /** One call of the server's person-facing APIs (`/calendars`, `/notifications`, reports, certificates): the JSON answer, or a MentorKitError in words. */
  callService(method: string, path: string, safety: Safety, what: string, body?: unknown): Promise<unknown>;
  /** A TransportFailure as the `storage-error` a caller gets. */
  asStorageError(failure: TransportFailure, what: string): MentorKitError;
}

/** Reads no further: frees the connection of an answer whose body is not needed. */
export const discardBody = (response: Response) => response.body?.cancel().catch(() => undefined);

export const sleep = (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds));

function retryAfterMs(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

export function createHttpClient(
  options: RestStorageOptions,
  fetchImplementation: typeof fetch,
  retry: RetrySettings,
  requestTimeoutMs: number,
  state: RestStorageState,
): HttpClient {
  const { root, instanceId } = state;

  // The sign-in token (getToken): every request takes the current one; after a 401, one refresh is
  // shared by every request refused meanwhile. `tokenGeneration` counts completed refreshes, so a
  // request that took its token before a refresh retries with the new token instead of refreshing again.
  let tokenGeneration = 0;
  let refreshedToken: string | undefined;
  let refreshing: Promise<string | undefined> | undefined;

  const callGetToken = async (refresh: boolean): Promise<string | undefined> => {
    let token: unknown;
    try {
      token = await options.getToken!({ refresh });
    } catch (error) {
      throw new TransportFailure(
        `Could not get a sign-in token (getToken({ refresh: ${refresh} }) failed: ${error instanceof Error ? error.message : String(error)}); nothing was sent.`,
        false,
        undefined,
        undefined,
        { cause: error },
      );
    }
    if (token === undefined || token === null) return undefined;
    if (typeof token !== 'string' || token === '' || !/^[\x21-\x7e]+$/.test(token)) {
      const failure = new TransportFailure(
        `getToken must return the token as a non-empty string of visible ASCII characters, or undefined (got ${typeof token === 'string' ? `a string of ${token.length} characters with spaces or other characters a header cannot carry` : typeof token}); nothing was sent.`,
        false,
      );
      reportStorageError(failure, 'getToken returned something that is not a token.');
      throw failure;
    }
    return token;
  };

  /** The token to send now, and the refresh generation it belongs to. */
  const currentToken = async (): Promise<{ token: string | undefined; generation: number }> => {
    const generation = tokenGeneration;
    return { token: options.getToken ? await callGetToken(false) : undefined, generation };
  };

  /** After a 401: the token to try once more (one refresh shared by every request refused meanwhile). */
  const tokenAfterRefusal = (generation: number): Promise<string | undefined> => {
    if (refreshing) return refreshing;
    if (generation !== tokenGeneration) return Promise.resolve(refreshedToken); // refreshed since this request took its token
    refreshing = callGetToken(true)
      .then((token) => {
        refreshedToken = token;
        tokenGeneration++;
        return token;
      })
      .finally(() => {
        refreshing = undefined;
      });
    return refreshing;
  };

  const headersFor = async (extra: Record<string, string>, token: string | undefined): Promise<Record<string, string>> => {
    const merged: Record<string, string> = { ...options.headers, ...(options.getHeaders ? await options.getHeaders() : {}) };
    if (token !== undefined) {
      for (const name of Object.keys(merged)) if (name.toLowerCase() === 'authorization') delete merged[name];
      merged.Authorization = `Bearer ${token}`;
    }
    return { ...merged, 'MentorKit-Client': instanceId, ...extra };
  };

  const fetchWithToken: HttpClient['fetchWithToken'] = async (url, init) => {
    const exchange = async (token: string | undefined): Promise<Response | TransportFailure> => {
      let headers: Record<string, string>;
      try {
        headers = await headersFor(init.headers, token);
      } catch (error) {
        return new TransportFailure(
          `getHeaders failed (${error instanceof Error ? error.message : String(error)}); nothing was sent.`,
          false,
          undefined,
          undefined,
          { cause: error },
        );
      }
      try {
        return await fetchImplementation(url, { method: init.method, headers, ...(init.body === undefined ? {} : { body: init.body }), signal: init.signal() });
      } catch (error) {
        if (!init.changeStream) state.online = false;
        return new TransportFailure(`Cannot reach ${root}: ${error instanceof Error ? error.message : String(error)}`, true, undefined, undefined, {
          cause: error,
        });
      }
    };
    let taken: { token: string | undefined; generation: number };
    try {
      taken = await currentToken();
    } catch (error) {
      if (error instanceof TransportFailure) return error;
      throw error;
    }
    const first = await exchange(taken.token);
    if (first instanceof TransportFailure || first.status !== 401 || !options.getToken) return first;
    await discardBody(first);
    let token: string | undefined;
    try {
      token = await tokenAfterRefusal(taken.generation);
    } catch (error) {
      if (error instanceof TransportFailure) return error;
      throw error;
    }
    return exchange(token);
  };

  const request: HttpClient['request'] = async (method, path, init) => {
    const attempts = init.attempts ?? retry.attempts;
    let failure: TransportFailure | undefined;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) {
        const backoff = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 2));
        await sleep(Math.min(retry.maxDelayMs, failure?.retryAfterMs ?? backoff / 2 + Math.random() * (backoff / 2)));
      }
      const outcome = await fetchWithToken(`${root}${path}`, {
        method,
        headers: init.headers ?? {},
        ...(init.body === undefined ? {} : { body: init.body }),
        signal: () => AbortSignal.timeout(requestTimeoutMs),
      });
      if (outcome instanceof TransportFailure) {
        failure = outcome;
        if (init.safety === 'unconditional-write' && outcome.mayHaveApplied) break;
        continue;
      }
      const response = outcome;
      if (response.status === 503 || response.status === 429 || response.status === 408) {
        state.online = response.status !== 503;
        const what = response.status === 503 ? 'is unavailable' : response.status === 429 ? 'asks to slow down' : 'timed out waiting for the request';
        failure = new TransportFailure(`The server ${what} (${response.status}); nothing was applied.`, false, retryAfterMs(response), response.status);
        await discardBody(response);
        continue;
      }
      if (response.status >= 500) {
        const error = await errorFromResponse(response);
        failure = new TransportFailure(`The server failed (${response.status}): ${error.message}`, true, undefined, response.status);
        if (init.safety === 'unconditional-write') break;
        continue;
      }
      state.online = true;
      return response;
    }
    throw failure ?? new TransportFailure('The request was not sent.', false);
  };

  const asStorageError = (failure: TransportFailure, what: string) =>
    new MentorKitError(
      'storage-error',
      `${what}: ${failure.message}${failure.mayHaveApplied ? ' It may or may not have been applied; read the record before trying again.' : ''}`,
      {
        details: { offline: !state.online, mayHaveApplied: failure.mayHaveApplied },
        cause: failure,
      },
    );

  const requestOrStorageError: HttpClient['requestOrStorageError'] = async (method, path, init, failedWhat) => {
    try {
      return await request(method, path, init);
    } catch (error) {
      if (error instanceof TransportFailure) throw asStorageError(error, failedWhat);
      throw error;
    }
  };

  const callService: HttpClient['callService'] = async (method, path, safety, what, body) => {
    const init = {
      safety,
      ...(safety === 'unconditional-write' ? { attempts: 1 } : {}),
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
    };
    const response = await requestOrStorageError(method, path, init, `${what} failed`);
    if (!response.ok) throw await errorFromResponse(response);
    return response.json();
  };

  return { fetchWithToken, request, requestOrStorageError, callService, asStorageError };
}
