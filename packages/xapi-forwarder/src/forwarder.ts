import type { Statement } from '@xapi/xapi';
import { MentorKitError, type DomainEvent, type MentorKit } from '@mentorkit/core';
import {
  assertValidXapiStatement,
  isXapiEventType,
  toXapiStatement,
  xapiLookupFromKit,
  XAPI_VERSIONS,
  type XapiOptions,
  type XapiStatement,
} from '@mentorkit/core/xapi';

/** What went wrong, for `onError`. Delivery problems never throw into the UI. */
export interface ForwarderProblem {
  kind: 'invalid-statement' | 'rejected-by-lrs' | 'retrying' | 'queue-full' | 'unsupported-event';
  message: string;
  /** The statements concerned (for `rejected-by-lrs`, the batch the LRS refused; it is dropped). */
  statements: XapiStatement[];
  status?: number | undefined;
}

export interface XapiForwarderOptions extends Partial<XapiOptions> {
  /** The LRS endpoint, e.g. `https://lrs.example.com/xapi/` (`statements` is appended). */
  endpoint: string;
  /**
   * The xAPI version the LRS speaks: `'1.0.3'` (default) or `'2.0.0'` (IEEE 9274.1.1). Sets the
   * `X-Experience-API-Version` header, the version events are converted to (2.0 adds
   * `contextAgents`), and the rules pushed statements are validated against.
   */
  version?: XapiOptions['version'] | undefined;
  /**
   * The Authorization header value, or a function returning it (called before every request, so a
   * token can be refreshed): `basicAuth('key', 'secret')`, `() => \`Bearer ${token()}\``.
   */
  auth?: (string | (() => string | Promise<string>)) | undefined;
  /** Extra headers for every request. */
  headers?: Record<string, string> | undefined;
  /** Statements per POST. Default 25. */
  batchSize?: number | undefined;
  /** Send what is queued at least this often. Default 5000 ms. */
  flushIntervalMs?: number | undefined;
  /** Keep at most this many statements; the oldest are dropped (and reported) beyond it. Default 5000. */
  maxQueue?: number | undefined;
  /** Delay before the first retry of a failed batch; doubles up to `maxRetryDelayMs`. Default 1000 ms. */
  retryDelayMs?: number | undefined;
  /** Default 60 000 ms. */
  maxRetryDelayMs?: number | undefined;
  fetch?: typeof fetch | undefined;
  /** Told about invalid statements, batches the LRS refused, retries and overflow. Default: console.warn. */
  onError?(problem: ForwarderProblem): void;
}

export interface XapiForwarder {
  /** Queues a statement (validated first). Returns at once; sending happens in the background. */
  push(statement: XapiStatement): void;
  /** Converts a domain event (when it is a learning record) and queues it. Returns whether it was queued. */
  pushEvent(event: DomainEvent): boolean;
  /**
   * Forwards a client's learning events: `kit.on('*')`, converted with the client's cache as lookup
   * (mentor as instructor, names, titles). Returns the unsubscribe function.
   */
  connect(kit: MentorKit): () => void;
  /** Sends everything queued now; resolves when the queue is empty or the LRS is failing (retries continue). */
  flush(): Promise<void>;
  /** Statements waiting to be sent. */
  readonly pending: number;
  /** Statements the LRS accepted since creation. */
  readonly sent: number;
  /** Stops timers and subscriptions; with `{ flush: true }` tries to send what is left first. */
  dispose(options?: { flush?: boolean }): Promise<void>;
}

/** `Basic base64(key:secret)`, the usual LRS credentials. */
export function basicAuth(key: string, secret: string): string {
  const bytes = new TextEncoder().encode(`${key}:${secret}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

const sleepTimer = (callback: () => void, milliseconds: number) => {
  const timer = setTimeout(callback, milliseconds);
  (timer as { unref?: () => void }).unref?.();
  return timer;
};

/**
 * Forwards MentorKit's learning records to an LRS: statements are queued (never blocking the UI),
 * sent in batches (`POST {endpoint}/statements`, `X-Experience-API-Version: 1.0.3`, or `2.0.0` with
 * `version: '2.0.0'`) when the batch is full or on an interval, and retried with backoff after network
 * errors, 429 and 5xx. A batch the LRS refuses (400) is dropped and reported; 409 (ids already stored
 * — statement ids derive from the event, so this is a resend) counts as delivered.
 *
 * ```ts
 * const forwarder = createXapiForwarder({
 *   endpoint: 'https://lrs.example.com/xapi/',
 *   auth: basicAuth(LRS_KEY, LRS_SECRET),
 *   homePage: 'https://lms.example.com',
 *   activityBase: 'https://lms.example.com/xapi/mentoring',
 * });
 * forwarder.connect(kit);
 * ```
 */
export function createXapiForwarder(options: XapiForwarderOptions): XapiForwarder {
  if (typeof options !== 'object' || options === null)
    throw new MentorKitError('invalid-input', 'createXapiForwarder needs options: { endpoint, homePage, activityBase }.', { path: 'options' });
  let endpoint: URL;
  try {
    endpoint = new URL(options.endpoint);
  } catch {
    throw new MentorKitError(
      'invalid-input',
      `\`endpoint\` must be the LRS's absolute URL, e.g. https://lrs.example.com/xapi/ (got ${JSON.stringify(options.endpoint)}).`,
      { path: 'endpoint' },
    );
  }
  if (endpoint.protocol !== 'https:' && endpoint.protocol !== 'http:')
    throw new MentorKitError('invalid-input', '`endpoint` must use http: or https:.', { path: 'endpoint' });
  const version = options.version ?? '1.0.3';
  if (!XAPI_VERSIONS.includes(version))
    throw new MentorKitError(
      'invalid-input',
      `\`version\` must be ${XAPI_VERSIONS.map((known) => `"${known}"`).join(' or ')} (got ${JSON.stringify(options.version)}).`,
      { path: 'options.version' },
    );
  const statementsUrl = new URL('statements', endpoint.href.endsWith('/') ? endpoint.href : `${endpoint.href}/`).href;
  const fetchImpl = options.fetch ?? globalThis.fetch?.bind(globalThis);
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 25));
  const flushIntervalMs = options.flushIntervalMs ?? 5000;
  const maxQueue = Math.max(batchSize, options.maxQueue ?? 5000);
  const firstRetryDelay = options.retryDelayMs ?? 1000;
  const maxRetryDelay = options.maxRetryDelayMs ?? 60_000;
  const report = options.onError ?? ((problem: ForwarderProblem) => console.warn(`[mentorkit xapi] ${problem.message}`));
  const safeReport = (problem: ForwarderProblem) => {
    try {
      report(problem);
    } catch {
      // a failing reporter must not break forwarding
    }
  };

  const queue: XapiStatement[] = [];
  const subscriptions = new Set<() => void>();
  let sent = 0;
  let sending: Promise<void> | undefined;
  let retryDelay = firstRetryDelay;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let soonTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  const interval = flushIntervalMs > 0 ? setInterval(() => void flush(), flushIntervalMs) : undefined;
  (interval as { unref?: () => void } | undefined)?.unref?.();

  const authorization = async () => (typeof options.auth === 'function' ? await options.auth() : options.auth);

  /** One POST. Resolves to 'sent', 'dropped' (refused: do not retry) or 'retry'. */
  const post = async (batch: XapiStatement[], keepalive = false): Promise<'sent' | 'dropped' | 'retry'> => {
    let response: Response;
    try {
      const auth = await authorization();
      response = await fetchImpl(statementsUrl, {
        method: 'POST',
        headers: { ...options.headers, 'Content-Type': 'application/json', 'X-Experience-API-Version': version, ...(auth ? { Authorization: auth } : {}) },
        body: JSON.stringify(batch satisfies XapiStatement[] as unknown as Statement[]),
        keepalive,
      });
    } catch (error) {
      safeReport({
        kind: 'retrying',
        message: `The LRS could not be reached (${error instanceof Error ? error.message : String(error)}); ${batch.length} statement(s) will be retried.`,
        statements: batch,
      });
      return 'retry';
    }
    await response.body?.cancel().catch(() => undefined);
    if (response.ok || response.status === 409) return 'sent';
    if (response.status === 400 || response.status === 413) {
      safeReport({
        kind: 'rejected-by-lrs',
        status: response.status,
        message: `The LRS refused a batch of ${batch.length} statement(s) (${response.status}); it is dropped.`,
        statements: batch,
      });
      return 'dropped';
    }
    safeReport({
      kind: 'retrying',
      status: response.status,
      message: `The LRS answered ${response.status}; ${batch.length} statement(s) will be retried.`,
      statements: batch,
    });
    return 'retry';
  };

  const sendAll = async (keepalive = false) => {
    while (queue.length > 0) {
      const batch = queue.slice(0, batchSize);
      const outcome = await post(batch, keepalive);
      if (outcome === 'retry') {
        if (!disposed && retryTimer === undefined) {
          retryTimer = sleepTimer(() => {
            retryTimer = undefined;
            void flush();
          }, retryDelay);
          retryDelay = Math.min(maxRetryDelay, retryDelay * 2);
        }
        return;
      }
      queue.splice(0, batch.length);
      if (outcome === 'sent') sent += batch.length;
      retryDelay = firstRetryDelay;
    }
  };

  function flush(): Promise<void> {
    if (!sending) sending = sendAll().finally(() => (sending = undefined));
    return sending;
  }

  /** A full batch goes out soon — off the caller's stack, so push() never waits. */
  const flushSoon = () => {
    if (soonTimer !== undefined || retryTimer !== undefined || disposed) return;
    soonTimer = sleepTimer(() => {
      soonTimer = undefined;
      void flush();
    }, 0);
  };

  const push = (statement: XapiStatement) => {
    try {
      // A 1.0.3 LRS takes 1.0.x statements only; a 2.0 LRS also takes statements that declare 1.0.x.
      const rules = version === '2.0.0' && typeof statement?.version === 'string' && /^1\.0(\.\d+)?$/.test(statement.version) ? '1.0.3' : version;
      assertValidXapiStatement(statement, { version: rules });
    } catch (error) {
      safeReport({ kind: 'invalid-statement', message: `A statement was not queued: ${(error as Error).message}`, statements: [statement] });
      return;
    }
    queue.push(statement);
    if (queue.length > maxQueue) {
      const dropped = queue.splice(0, queue.length - maxQueue);
      safeReport({
        kind: 'queue-full',
        message: `The LRS queue is full (${maxQueue}); the ${dropped.length} oldest statement(s) were dropped.`,
        statements: dropped,
      });
    }
    if (queue.length >= batchSize) flushSoon();
  };

  const conversion = (lookupSource?: Parameters<XapiForwarder['connect']>[0]): XapiOptions => {
    if (!options.homePage || !options.activityBase)
      throw new MentorKitError('invalid-input', 'To convert events, give the forwarder `homePage` and `activityBase` (see toXapiStatement).', {
        path: 'options.homePage',
      });
    return {
      homePage: options.homePage,
      activityBase: options.activityBase,
      version,
      ...(options.relevantTypes ? { relevantTypes: options.relevantTypes } : {}),
      ...(options.verbs ? { verbs: options.verbs } : {}),
      ...(options.language ? { language: options.language } : {}),
      ...(options.lookup ? { lookup: options.lookup } : lookupSource ? { lookup: xapiLookupFromKit(lookupSource) } : {}),
    };
  };
  // Report bad conversion options now, not on the first event.
  for (const key of ['homePage', 'activityBase'] as const) {
    const value = options[key];
    if (value !== undefined && !(typeof value === 'string' && /^https?:\/\/[^\s/?#]+/i.test(value))) {
      throw new MentorKitError('invalid-input', `\`${key}\` must be an http(s) URL (see toXapiStatement) (got ${JSON.stringify(value)}).`, {
        path: `options.${key}`,
      });
    }
  }

  const pushEventWith = (event: DomainEvent, xapiOptions: XapiOptions) => {
    if (!isXapiEventType(event.type)) return false;
    try {
      push(toXapiStatement(event, xapiOptions));
      return true;
    } catch (error) {
      safeReport({ kind: 'invalid-statement', message: `The "${event.type}" event could not become a statement: ${(error as Error).message}`, statements: [] });
      return false;
    }
  };

  // Pages being closed: send what is left with keepalive so the browser finishes the request.
  const target = globalThis as {
    addEventListener?: (type: string, listener: () => void) => void;
    removeEventListener?: (type: string, listener: () => void) => void;
    document?: { visibilityState?: string };
  };
  const onHide = () => {
    if (target.document?.visibilityState === 'hidden' || target.document === undefined) void sendAll(true);
  };
  target.addEventListener?.('visibilitychange', onHide);
  target.addEventListener?.('pagehide', onHide);

  return {
    push,
    pushEvent: (event) => pushEventWith(event, conversion()),
    connect(kit) {
      const xapiOptions = conversion(kit);
      const unsubscribe = kit.on('*', (event) => void pushEventWith(event, xapiOptions));
      subscriptions.add(unsubscribe);
      return () => {
        unsubscribe();
        subscriptions.delete(unsubscribe);
      };
    },
    flush,
    get pending() {
      return queue.length;
    },
    get sent() {
      return sent;
    },
    async dispose(disposeOptions = {}) {
      for (const unsubscribe of subscriptions) unsubscribe();
      subscriptions.clear();
      if (interval !== undefined) clearInterval(interval);
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      if (soonTimer !== undefined) clearTimeout(soonTimer);
      retryTimer = soonTimer = undefined;
      target.removeEventListener?.('visibilitychange', onHide);
      target.removeEventListener?.('pagehide', onHide);
      disposed = true; // no more retries scheduled from here on
      if (disposeOptions.flush) await flush();
    },
  };
}
