import { css, html, nothing, type TemplateResult } from 'lit';
import { loadLanguage, translate, type MessageParameters } from '../internal/localize.js';
import { textLimitLanguages, textLimitMessages } from './text-limit.messages.js';

/**
 * Length limits in forms: a counter under a field from 80 % of its limit, `aria-invalid` and a
 * message once over it — never a `maxlength` that cuts a paste without a word. The limits themselves
 * come from core (`TEXT_LIMITS`, `COACHING_LIMITS`); an element never keeps its own copy. The words
 * are one catalogue for every element (`text-limit.messages.ts`, tag `mk-text-limit`, Spanish loaded
 * on first use).
 */

/** From this share of its limit on, a field shows its counter. */
export const COUNTER_FROM_SHARE = 0.8;

export interface TextLimit {
  /** Characters typed, as core counts them (`String.length`). */
  readonly length: number;
  readonly max: number;
  /** The counter is on screen (from `COUNTER_FROM_SHARE` of the limit). */
  readonly shown: boolean;
  /** Over the limit: the field is invalid and saving is refused. */
  readonly over: boolean;
}

/** How a text of `length` characters stands against `max`. */
export function lengthLimit(length: number, max: number): TextLimit {
  return { length, max, shown: max > 0 && length >= Math.ceil(max * COUNTER_FROM_SHARE), over: length > max };
}

/** How `value` stands against `max`. */
export function textLimit(value: string, max: number): TextLimit {
  return lengthLimit(value.length, max);
}

/** The id of a field's counter (for `aria-describedby`). */
export const counterId = (fieldId: string): string => `${fieldId}-counter`;

/** The ids describing a field: its own ones (hint, error) and its counter when shown; `undefined` when none. */
export function describedByWithCounter(fieldId: string, limit: TextLimit, ...others: Array<string | false | undefined>): string | undefined {
  const ids = [...others.filter((id): id is string => typeof id === 'string' && id !== ''), ...(limit.shown ? [counterId(fieldId)] : [])];
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** The tag the counters' catalogue is registered under (`registerMessages(locale, { 'mk-text-limit.<id>': … })`). */
export const TEXT_LIMIT_TAG = 'mk-text-limit';

/**
 * A message of the counters' catalogue in `locale` (`limit.left`, `limit.over`, `limit.blocked`). Starts
 * loading the catalogue of a language other than English on first use; elements re-render when it
 * arrives (their `LocaleController` hears it), and their `updateComplete` waits for it.
 */
export function textLimitMessage(id: 'limit.left' | 'limit.over' | 'limit.blocked', locale: string | undefined, parameters?: MessageParameters): string {
  loadLanguage(TEXT_LIMIT_TAG, locale, textLimitLanguages);
  return translate(TEXT_LIMIT_TAG, textLimitMessages, id, locale, parameters);
}

/**
 * The counter line under a field with id `fieldId` (`part="counter"`, `data-state="near"` or
 * `"over"`), or nothing below `COUNTER_FROM_SHARE`, in `locale`. Point the field's `aria-describedby` at
 * `counterId(fieldId)` (see `describedByWithCounter`) and set `aria-invalid` when `limit.over`.
 */
export function renderTextCounter(fieldId: string, limit: TextLimit, locale: string | undefined): TemplateResult | typeof nothing {
  if (!limit.shown) return nothing;
  const number = new Intl.NumberFormat(locale);
  const text = limit.over
    ? textLimitMessage('limit.over', locale, { excess: number.format(limit.length - limit.max), max: number.format(limit.max) })
    : textLimitMessage('limit.left', locale, { left: number.format(limit.max - limit.length) });
  return html`<p part="counter" class="counter" id=${counterId(fieldId)} data-state=${limit.over ? 'over' : 'near'}>${text}</p>`;
}

/** The counter's look: small, muted while near the limit, the danger colour once over it. */
export const textLimitStyles = css`
  .counter {
    margin: var(--mk-space-1, 0.25rem) 0 0;
    font-size: var(--mk-font-size-sm);
    color: var(--mk-color-text-muted);
    overflow-wrap: anywhere;
  }
  .counter[data-state='over'] {
    color: var(--mk-color-danger);
    font-weight: 600;
  }
  [aria-invalid='true'] {
    border-color: var(--mk-color-danger);
  }
`;
