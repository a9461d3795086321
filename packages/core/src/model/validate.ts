import * as v from 'valibot';
import { MentorKitError, type MentorKitErrorIssue } from './errors.js';

/** Any valibot schema, sync. */
export type AnySchema = v.GenericSchema<unknown, unknown>;

/** Joins a valibot issue path into `a.b[0].c`, prefixed with `root` when given. */
export function issuePath(issue: v.BaseIssue<unknown>, root = ''): string {
  let path = root;
  for (const item of issue.path ?? []) {
    const key = (item as { key?: unknown | undefined }).key;
    if (typeof key === 'number') path += `[${key}]`;
    else path += path === '' ? String(key) : `.${String(key)}`;
  }
  return path;
}

function issueMessage(issue: v.BaseIssue<unknown>, path: string): string {
  const where = path === '' ? 'The input' : `\`${path}\``;
  const received = issue.received;
  if (issue.kind === 'schema' && received === 'undefined' && path !== '') return `${where} is required.`;
  // valibot's default messages ("Invalid type: Expected string but received 3") become plain sentences.
  if (issue.message.startsWith('Invalid '))
    return `${where} must be ${issue.expected === 'Object' ? 'an object' : issue.expected === 'Array' ? 'a list' : (issue.expected ?? 'valid')} (got ${received}).`;
  // Our schemas carry human messages ("must be text"); add what was received for type mismatches.
  const got = issue.kind === 'schema' && received !== undefined && !issue.message.includes('(got ') ? ` (got ${received})` : '';
  const sentence = `${where} ${issue.message}${got}`;
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/**
 * Validates `input` against `schema` and returns the parsed output, or throws a
 * `MentorKitError` with code `invalid-input`, the path of the first problem, every problem in
 * `issues`, and a message a person can act on. Nothing is written before validation passes.
 *
 * @param rootPath prefix for paths, e.g. `'goal'` gives `goal.title`.
 */
export function parseOrThrow<TSchema extends AnySchema>(schema: TSchema, input: unknown, rootPath = ''): v.InferOutput<TSchema> {
  const result = v.safeParse(schema, input, { abortPipeEarly: true });
  if (result.success) return result.output as v.InferOutput<TSchema>;
  const issues: MentorKitErrorIssue[] = result.issues.map((issue) => {
    const path = issuePath(issue, rootPath);
    const requirement = (issue as { requirement?: unknown | undefined }).requirement;
    const rule = issue.kind === 'schema' && issue.received === 'undefined' && path !== '' ? 'required' : issue.type;
    return { path, message: issueMessage(issue, path), rule, ...(typeof requirement === 'number' ? { requirement } : {}) };
  });
  const first = issues[0] ?? { path: rootPath, message: 'The input is invalid.' };
  const more = issues.length > 1 ? ` There ${issues.length > 2 ? `are ${issues.length - 1} more problems` : 'is 1 more problem'}; see \`issues\`.` : '';
  return throwInvalid(first.path, first.message + more, issues);
}

function throwInvalid(path: string, message: string, issues: MentorKitErrorIssue[]): never {
  throw new MentorKitError('invalid-input', message, { path, issues });
}

/** Throws `invalid-input` at `path` with `message`. */
export function invalidInput(path: string, message: string): never {
  return throwInvalid(path, message, [{ path, message }]);
}
