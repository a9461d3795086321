/**
 * `level` as a heading level from 1 to 6 (a level that is not a number counts as 2), plus `offset`
 * for a heading below it (`headingLevel(this.headingLevel, 1)` for a sub-heading), at most 6.
 * For `role="heading" aria-level=…` markup; `heading.ts` turns it into an `h1`…`h6` tag. In a file
 * of its own so that elements which only need the level do not load lit's static templates.
 */
export function headingLevel(level: number, offset = 0): number {
  return Math.min(Math.max(Math.trunc(level) || 2, 1) + offset, 6);
}
