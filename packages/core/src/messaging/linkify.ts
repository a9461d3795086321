import { isHttpUrl } from '../model/formats.js';

/** A piece of message text: plain text, or a link whose `href` is an absolute http: or https: URL. */
export type TextToken = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const URL_CANDIDATE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?'"»”’]+$/;

/** Drops punctuation that ends a sentence rather than the URL, and an unbalanced closing bracket. */
function trimCandidate(candidate: string): string {
  let url = candidate;
  for (let guard = 0; guard < 4; guard++) {
    const before = url;
    url = url.replace(TRAILING_PUNCTUATION, '');
    for (const [open, close] of [
      ['(', ')'],
      ['[', ']'],
      ['{', '}'],
    ] as const) {
      if (url.endsWith(close) && url.split(open).length < url.split(close).length) url = url.slice(0, -1);
    }
    if (url === before) break;
  }
  return url;
}

/**
 * Splits message text into text and link tokens for rendering without HTML: only absolute
 * `http:`/`https:` URLs become links; `javascript:`, `data:`, relative and malformed URLs stay text.
 * Concatenating every token's `text` gives back the input.
 *
 * ```ts
 * linkify('Notes: https://docs.example.org/plan. Thanks!')
 * // [{ kind: 'text', text: 'Notes: ' }, { kind: 'link', text: 'https://docs.example.org/plan', href: 'https://docs.example.org/plan' }, { kind: 'text', text: '. Thanks!' }]
 * ```
 */
export function linkify(text: string): TextToken[] {
  if (typeof text !== 'string' || text === '') return [];
  const tokens: TextToken[] = [];
  const pushText = (value: string) => {
    if (value === '') return;
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'text') last.text += value;
    else tokens.push({ kind: 'text', text: value });
  };
  let cursor = 0;
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const start = match.index ?? 0;
    if (start < cursor) continue;
    const url = trimCandidate(match[0]);
    pushText(text.slice(cursor, start));
    if (isHttpUrl(url)) tokens.push({ kind: 'link', text: url, href: new URL(url).href });
    else pushText(url);
    cursor = start + url.length;
  }
  pushText(text.slice(cursor));
  return tokens;
}
