import { unsafeStatic, type StaticValue } from 'lit/static-html.js';
import { headingLevel } from './heading-level.js';

export { headingLevel };

/**
 * Headings by level. Every element with a heading has a `heading-level` property (default 2) so a
 * host can fit the element into its page's outline; `headingLevel` (in `heading-level.ts`) turns it
 * into a valid level, `headingTag` into the tag.
 */

/**
 * The `h1`…`h6` tag for `level` (clamped as by `headingLevel`), for lit's static `html`:
 *
 * ```ts
 * const tag = headingTag(this.headingLevel);
 * return staticHtml`<${tag} part="heading" class="heading" id="heading">${text}</${tag}>`;
 * ```
 */
export function headingTag(level: number): StaticValue {
  // `unsafeStatic` (lit's smaller static helper) over a tag made from a clamped number: nothing comes from outside.
  return unsafeStatic(`h${headingLevel(level)}`);
}
