import { literal, type StaticValue } from 'lit/static-html.js';

/**
 * Headings by level. Every element with a heading has a `heading-level` property (default 2) so a
 * host can fit the element into its page's outline; these helpers turn it into a valid level.
 */

/**
 * `level` as a heading level from 1 to 6 (a level that is not a number counts as 2), plus `offset`
 * for a heading below it (`headingLevel(this.headingLevel, 1)` for a sub-heading), at most 6.
 * For `role="heading" aria-level=…` markup.
 */
export function headingLevel(level: number, offset = 0): number {
  return Math.min(Math.max(Math.trunc(level) || 2, 1) + offset, 6);
}

const HEADING_TAGS: readonly StaticValue[] = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

/**
 * The `h1`…`h6` tag for `level` (clamped as by `headingLevel`), for lit's static `html`:
 *
 * ```ts
 * const tag = headingTag(this.headingLevel);
 * return staticHtml`<${tag} part="heading" class="heading" id="heading">${text}</${tag}>`;
 * ```
 */
export function headingTag(level: number): StaticValue {
  return HEADING_TAGS[headingLevel(level) - 1]!;
}
