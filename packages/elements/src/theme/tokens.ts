import { unsafeCSS, type CSSResult } from 'lit';

/**
 * MentorKit design tokens. One source of truth for the `--mk-*` custom properties: the lit `css`
 * below (adopted by every MentorKit element into its document or enclosing shadow root) and the
 * plain `theme.css` for host pages (kept identical by a test).
 *
 * Every colour pair MentorKit draws (text, muted text, accent, status colours on both surfaces,
 * accent-contrast on accent) meets WCAG 2.2 AA (4.5:1) in both themes; borders meet 3:1.
 */

/** Colour tokens that change between the light and the dark theme. */
export const lightColors = {
  '--mk-color-scheme': 'light',
  '--mk-color-surface': '#ffffff',
  '--mk-color-surface-raised': '#f3f5f8',
  '--mk-color-text': '#1b1f24',
  '--mk-color-text-muted': '#525c69',
  '--mk-color-border': '#7d8794',
  '--mk-color-accent': '#1a5dcc',
  '--mk-color-accent-contrast': '#ffffff',
  '--mk-color-success': '#17703a',
  '--mk-color-warning': '#8a5a00',
  '--mk-color-danger': '#b42318',
  '--mk-color-focus': '#1a5dcc',
} as const;

export const darkColors: Readonly<Record<keyof typeof lightColors, string>> = {
  '--mk-color-scheme': 'dark',
  '--mk-color-surface': '#15181d',
  '--mk-color-surface-raised': '#1f242c',
  '--mk-color-text': '#e9ecf1',
  '--mk-color-text-muted': '#a7b0bd',
  '--mk-color-border': '#6f7986',
  '--mk-color-accent': '#84b4ff',
  '--mk-color-accent-contrast': '#0b1526',
  '--mk-color-success': '#5fd38a',
  '--mk-color-warning': '#f0bd4f',
  '--mk-color-danger': '#ff9b8f',
  '--mk-color-focus': '#84b4ff',
};

/** Tokens shared by both themes: spacing, radii, type, focus ring and motion. */
export const sharedTokens = {
  '--mk-space-1': '0.25rem',
  '--mk-space-2': '0.5rem',
  '--mk-space-3': '0.75rem',
  '--mk-space-4': '1rem',
  '--mk-space-5': '1.5rem',
  '--mk-space-6': '2rem',
  '--mk-radius-sm': '4px',
  '--mk-radius-md': '8px',
  '--mk-radius-lg': '12px',
  '--mk-radius-full': '9999px',
  '--mk-font-family': "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  '--mk-font-size-sm': '0.875rem',
  '--mk-font-size-md': '1rem',
  '--mk-font-size-lg': '1.125rem',
  '--mk-font-size-xl': '1.375rem',
  '--mk-font-weight-normal': '400',
  '--mk-font-weight-strong': '600',
  '--mk-font-line-height': '1.5',
  '--mk-focus-ring-width': '3px',
  '--mk-duration-fast': '150ms',
} as const;

export type MentorKitTokenName = keyof typeof lightColors | keyof typeof sharedTokens;

const declarations = (tokens: Readonly<Record<string, string>>, indent = '  ') =>
  Object.entries(tokens)
    .map(([name, value]) => `${indent}${name}: ${value};`)
    .join('\n');

/**
 * The token rules as CSS text (also shipped as `@mentorkit/elements/theme.css`). Selectors are
 * wrapped in `:where()` (specificity 0), so any rule a host writes for `--mk-*` wins:
 *
 * - light by default, on `:root`;
 * - dark when the system prefers it, unless the page says `data-mk-theme="light"`;
 * - `data-mk-theme="dark"|"light"` (or `mk-theme=…`) on any element — `<html>`, a container or a
 *   MentorKit element — switches that subtree.
 *
 * Elements adopt the rules without the file's header comment, which would otherwise ship with each of them.
 */
const themeRules = `:where(:root) {
${declarations({ ...lightColors, ...sharedTokens })}
}

@media (prefers-color-scheme: dark) {
  :where(:root:not([data-mk-theme='light'], [mk-theme='light'])) {
${declarations(darkColors, '    ')}
  }
}

:where([data-mk-theme='dark'], [mk-theme='dark']) {
${declarations(darkColors)}
}

:where([data-mk-theme='light'], [mk-theme='light']) {
${declarations(lightColors)}
}
`;

/** The file's header before the rules (a function, so a bundle that never reads `themeCssText` drops the text). */
const withFileHeader = (rules: string): string => `/*
 * MentorKit theme tokens (@mentorkit/elements/theme.css).
 * Light by default; dark when the system prefers it, or under data-mk-theme="dark" / mk-theme="dark"
 * on any element (data-mk-theme="light" forces light). MentorKit elements apply these rules
 * themselves; include this file to use the tokens in your own page. To re-theme, set any --mk-*
 * property in your own CSS, e.g. :root { --mk-color-accent: #0a7d5a; } and
 * [data-mk-theme="dark"] { --mk-color-accent: #6fe0b8; }: these selectors have zero specificity.
 */
${rules}`;

/** The text of `@mentorkit/elements/theme.css`: the token rules with the file's header. */
export const themeCssText: string = /* @__PURE__ */ withFileHeader(themeRules);

/** The token rules as a lit `CSSResult` (its `.styleSheet` is a constructable sheet). */
export const themeTokens: CSSResult = unsafeCSS(themeRules);

const adoptedRoots = new WeakSet<Document | ShadowRoot>();

/** Constructable sheets belong to one document; another document (an iframe) gets a <style>. */
function adoptSheet(root: Document | ShadowRoot): boolean {
  const sheet = themeTokens.styleSheet;
  if (!sheet || !('adoptedStyleSheets' in root)) return false;
  try {
    // First in the list: a host's own adopted sheets come later and win at equal specificity.
    root.adoptedStyleSheets = [sheet, ...root.adoptedStyleSheets];
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes sure the token rules apply where `element` lives: adopts them once into its document, and
 * into the shadow root that contains it (so `data-mk-theme` works inside a host's own shadow DOM).
 * Host rules always win (the token selectors have zero specificity). Called by MentorKit elements
 * when they connect; hosts never need to call it, but may (e.g. for their own markup).
 */
export function adoptThemeTokens(element: Node): void {
  const roots: Array<Document | ShadowRoot> = [];
  const rootNode = element.getRootNode();
  if (element.ownerDocument) roots.push(element.ownerDocument);
  if (rootNode instanceof ShadowRoot) roots.push(rootNode);
  for (const root of roots) {
    if (adoptedRoots.has(root)) continue;
    adoptedRoots.add(root);
    if (!adoptSheet(root)) {
      const style = (root instanceof ShadowRoot ? root.ownerDocument : root).createElement('style');
      style.dataset.mentorkitTheme = '';
      style.textContent = themeRules;
      if (root instanceof ShadowRoot) root.prepend(style);
      else (root.head ?? root.documentElement).prepend(style);
    }
  }
}
