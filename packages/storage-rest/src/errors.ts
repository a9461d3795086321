/**
 * How the REST adapter tells failures apart: a `TransportFailure` when no usable answer came (no
 * answer, a 5xx, 503/429/408) — internal, it decides retries and queueing — and a `MentorKitError` in
 * the server's own words (its JSON error body, or what the status means when the body says nothing).
 */
import { MentorKitError, type ErrorCode } from '@mentorkit/core';

/**
 * A request that did not get a usable answer. `mayHaveApplied`: whether a write may have taken
 * effect. `status`: the HTTP status when the server answered (5xx, 503, 429, 408); absent when no
 * answer came (network failure, reset, timeout) or no request was sent.
 */
export class TransportFailure extends Error {
  override readonly name = 'TransportFailure';
  constructor(
    message: string,
    readonly mayHaveApplied: boolean,
    readonly retryAfterMs?: number,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const KNOWN_CODES: readonly ErrorCode[] = ['invalid-input', 'conflict', 'not-found', 'forbidden', 'unsupported', 'storage-error'];

/** The `invalid-input` refusal of a record too large for the server. */
export function recordTooLarge(collection: string, id: string, bytes: number, limit: number, transportError?: string): MentorKitError {
  const sent =
    transportError === undefined ? '' : ` Sending it failed (${transportError}), as a server does when a body passes its limit, so it is not sent again.`;
  return new MentorKitError(
    'invalid-input',
    `${collection}/${id} is ${bytes} bytes as JSON, over the ${limit}-byte limit for one record (maxRecordBytes); the server would refuse it.${sent} Keep the record smaller (shorter text, less history) or move large content to an attachment.`,
    { path: 'record', details: { collection, id, bytes, maxRecordBytes: limit } },
  );
}

/** The error code an answer means when its body does not say (a proxy's page, an empty body). */
function codeOfStatus(status: number): ErrorCode {
  if (status === 400 || status === 413 || status === 422) return 'invalid-input';
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 409 || status === 412) return 'conflict';
  return 'storage-error';
}

/** What to tell a person when the server's answer carries no message. */
function messageOfStatus(status: number, statusText: string): string {
  const answered = `The server answered ${status}${statusText ? ` ${statusText}` : ''}`;
  if (status === 413) return `${answered}: the change is too large for it. Make it smaller (shorter text, less history) and try again.`;
  if (status === 401) return `${answered}: it did not accept the sign-in. Sign in again.`;
  if (status === 403) return `${answered}: you may not make this change.`;
  if (status === 400 || status === 422) return `${answered}: it did not accept the data of this change.`;
  return `${answered}.`;
}

/** The server's JSON error as a MentorKitError (a body without a known code: the code the status means). */
export async function errorFromResponse(response: Response): Promise<MentorKitError> {
  let body: { code?: unknown; message?: unknown; path?: unknown; details?: unknown; issues?: unknown } = {};
  try {
    const parsed = (await response.json()) as unknown;
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) body = parsed as typeof body;
  } catch {
    // not JSON
  }
  const code = KNOWN_CODES.includes(body.code as ErrorCode) ? (body.code as ErrorCode) : codeOfStatus(response.status);
  const message = typeof body.message === 'string' && body.message !== '' ? body.message : messageOfStatus(response.status, response.statusText);
  return new MentorKitError(code, message, {
    path: typeof body.path === 'string' ? body.path : '',
    ...(Array.isArray(body.issues) ? { issues: body.issues as MentorKitError['issues'] } : {}),
    details: { ...(typeof body.details === 'object' && body.details !== null ? (body.details as Record<string, unknown>) : {}), status: response.status },
  });
}
