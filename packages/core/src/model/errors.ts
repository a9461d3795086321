/**
 * The stable error codes of MentorKit. Hosts may switch on them; they never change meaning.
 *
 * - `invalid-input`: the input does not match the documented shape; `path` says where.
 * - `conflict`: a write was based on a stale revision (or a create found an existing record).
 * - `not-found`: the record does not exist (or the caller may not know it exists).
 * - `forbidden`: the policy does not allow the current user to do this.
 * - `unsupported`: the adapter or environment lacks an optional capability (e.g. blobs).
 * - `storage-error`: the storage backend failed for a reason outside the caller's control.
 */
export const ErrorCode = {
  invalidInput: 'invalid-input',
  conflict: 'conflict',
  notFound: 'not-found',
  forbidden: 'forbidden',
  unsupported: 'unsupported',
  storageError: 'storage-error',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface MentorKitErrorIssue {
  /** Dotted path to the offending value, e.g. `workingHours.1[0]`. Empty for the whole input. */
  path: string;
  message: string;
  /**
   * Which rule failed, for wording it for people in their language: `required`; a type (`string`,
   * `number`, `array`, `picklist`…); a limit (`max_length`, `min_length`, `min_value`, `max_value`, with
   * `requirement`); a format (`time-range`, `overlapping-ranges`, `calendar-date`, `instant`, `http-url`,
   * `time-zone`); or `check` for the other rules, said in `message`.
   */
  rule?: string | undefined;
  /** The rule's limit, when it has one (e.g. 200 for `max_length`). */
  requirement?: number | undefined;
}

export interface MentorKitErrorOptions {
  /** Dotted path to the offending value. */
  path?: string | undefined;
  /** Every problem found, when validation found several. The first one is also the error's message. */
  issues?: MentorKitErrorIssue[] | undefined;
  /** Extra machine-readable facts, e.g. `{ expectedRevision: 3, actualRevision: 4 }` on a conflict. */
  details?: Record<string, unknown> | undefined;
  cause?: unknown | undefined;
}

/**
 * The one error type MentorKit throws on purpose. `code` is stable, `path` points at the
 * offending input, and `message` tells a person what to do about it.
 */
export class MentorKitError extends Error {
  override readonly name = 'MentorKitError';
  readonly code: ErrorCode;
  readonly path: string;
  readonly issues: MentorKitErrorIssue[];
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: MentorKitErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = options.path ?? '';
    this.issues = options.issues ?? [{ path: this.path, message }];
    this.details = options.details ?? {};
  }

  /** A plain object for logs and JSON responses (`{ code, path, message, issues }`). */
  toJSON(): { name: string; code: ErrorCode; path: string; message: string; issues: MentorKitErrorIssue[]; details: Record<string, unknown> } {
    return { name: this.name, code: this.code, path: this.path, message: this.message, issues: this.issues, details: this.details };
  }
}

/** True for a `MentorKitError`, optionally of the given code. Works across bundle copies (checks `name` and `code`). */
export function isMentorKitError(value: unknown, code?: ErrorCode): value is MentorKitError {
  if (value instanceof MentorKitError) return code === undefined || value.code === code;
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { name?: unknown | undefined; code?: unknown | undefined };
  return candidate.name === 'MentorKitError' && typeof candidate.code === 'string' && (code === undefined || candidate.code === code);
}

/**
 * `error` as a `MentorKitError`: itself when it already is one, otherwise wrapped as
 * `storage-error` (the cause kept), its message prefixed with `context` when given.
 */
export function toMentorKitError(error: unknown, context?: string): MentorKitError {
  if (isMentorKitError(error)) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new MentorKitError('storage-error', context ? `${context}: ${detail}` : detail, { cause: error });
}
