import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/**
 * The frame every element shows before its content, with `MkElement`'s `loadState` and
 * `loadErrorMessage`:
 *
 * ```ts
 * if (this.loadState === 'loading') content = renderLoading(this.i18n.t('loading'), { skeleton: true });
 * else if (this.loadState === 'error') content = renderLoadError(this.i18n.t('error.title'), this.loadErrorMessage ?? this.i18n.t('error.fallback'));
 * ```
 *
 * Plain functions rather than base-class methods, so that a bundle carries only the ones its elements
 * call (every element's first load stays as small as before).
 */

/** A Retry button in the error frame: its label, what it does and an optional `data-action`. */
export interface LoadRetry {
  readonly label: string;
  readonly onClick: (event: Event) => void;
  readonly action?: string | undefined;
}

/**
 * The loading state's content: `<p part="loading" class="loading">Loading…</p>`, followed by a
 * skeleton placeholder when `skeleton` is set. `className` and `role` change the paragraph's class
 * (e.g. `'muted'`) and add a role (e.g. `'status'`).
 */
export function renderLoading(
  text: string,
  { skeleton = false, className = 'loading', role }: { skeleton?: boolean | undefined; className?: string | undefined; role?: string | undefined } = {},
): TemplateResult {
  return html`<p part="loading" class=${className} role=${ifDefined(role)}>${text}</p>${skeleton ? html`<div class="skeleton" aria-hidden="true"></div>` : nothing}`;
}

/**
 * The error state's content: `<div part="error" role="alert">` with `title` and `message`. `look`
 * `'notice'` (the panels: `class="notice" data-tone="danger"`, the title as `.notice-title`, and a
 * Retry button when `retry` is given) or `'alert'` / `'error'` (that class, the title in `<strong>`).
 */
export function renderLoadError(
  title: string,
  message: string | undefined,
  { look = 'notice', retry }: { look?: 'notice' | 'alert' | 'error' | undefined; retry?: LoadRetry | undefined } = {},
): TemplateResult {
  if (look !== 'notice') return html`<div part="error" class=${look} role="alert"><p><strong>${title}</strong></p><p>${message}</p></div>`;
  return html`<div part="error" class="notice" data-tone="danger" role="alert"><p class="notice-title">${title}</p><p>${message}</p>${
    retry
      ? html`<div class="actions"><button class="button secondary" type="button" data-action=${ifDefined(retry.action)} @click=${retry.onClick}>${retry.label}</button></div>`
      : nothing
  }</div>`;
}
