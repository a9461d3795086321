import { css, html, nothing, type TemplateResult } from 'lit';
import { plural, type MessageParameters } from './localize.js';

/**
 * Length limits in forms: a counter under a field from 80 % of its limit, `aria-invalid` and a
 * message once over it — never a `maxlength` that cuts a paste without a word. The limits themselves
 * come from core (`TEXT_LIMITS`, `COACHING_LIMITS`); an element never keeps its own copy. The
 * messages are spread into each element's catalogue (`textLimitMessages`, Spanish in
 * `text-limit.messages.es.ts`), so hosts reword them per element with `registerMessages`.
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

type Translate = (id: string, parameters?: MessageParameters) => string;

/**
 * The counter line under a field with id `fieldId` (`part="counter"`, `data-state="near"` or
 * `"over"`), or nothing below `COUNTER_FROM_SHARE`. Point the field's `aria-describedby` at
 * `counterId(fieldId)` (see `describedByWithCounter`) and set `aria-invalid` when `limit.over`.
 */
export function renderTextCounter(fieldId: string, limit: TextLimit, translate: Translate, locale?: string): TemplateResult | typeof nothing {
  if (!limit.shown) return nothing;
  const number = new Intl.NumberFormat(locale);
  const text = limit.over
    ? translate('limit.over', { excess: number.format(limit.length - limit.max), max: number.format(limit.max) })
    : translate('limit.left', { left: number.format(limit.max - limit.length) });
  return html`<p part="counter" class="counter" id=${counterId(fieldId)} data-state=${limit.over ? 'over' : 'near'}>${text}</p>`;
}

/** English messages of the counters; spread into an element's `en` catalogue. */
export const textLimitMessages = {
  'limit.left': (parameters: MessageParameters) => plural(parameters.left, '1 character left', `${parameters.left} characters left`),
  'limit.over': (parameters: MessageParameters) => `${plural(parameters.excess, '1 character too many', `${parameters.excess} characters too many`)}: the most is ${parameters.max}. Shorten it to save; nothing is cut.`,
  'limit.blocked': 'Some text is too long. Shorten the fields marked, then try again; your text is kept as you wrote it.',
} as const;

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
