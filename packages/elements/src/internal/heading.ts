import { unsafeStatic, type StaticValue } from 'lit/static-html.js';
import { headingLevel } from './heading-level.js';

export { headingLevel };

/**
 * Headings by level. Every element with a heading has a `heading-level` property (default 2) so a
 * host can fit the element into its page's outline; `headingLevel` (in `heading-level.ts`) turns it
 * into a valid level, `headingTag` into the tag.
 */

// `unsafeStatic` over fixed tag names (lit's smaller static helper; nothing here comes from outside).
const HEADING_TAGS: readonly StaticValue[] = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((tag) => unsafeStatic(tag));

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
