import { invalidInput } from './validate.js';

/**
 * The catalogues of core's sentences per language, filled on demand so a page only downloads the
 * languages it shows.
 *
 * Each feature that says something to a person (goals, coaching, rapport, pairing…) ships its English
 * catalogue with its code, and its other bundled languages in separate modules gathered by one entry
 * per language (`@mentorkit/core/es`). Loading that entry registers its catalogues here:
 *
 * ```ts
 * const { registerSpanish } = await import('@mentorkit/core/es');
 * registerSpanish();                       // elements do this themselves when a page is in Spanish
 * kit.goals.messagesFor('es-MX');          // → the Spanish catalogue
 * ```
 *
 * A feature asks `languageCatalogue(domain, locale)`; a host's own catalogues (`setMessages`) win
 * over these. Lookup is by language: `es-MX` and `es` both find `es`.
 */
const catalogues = new Map<string, Map<string, unknown>>();

/** The lower-case language of a BCP 47 locale: `es-MX` → `es`; `''` when there is none. */
export const languageOf = (locale: string | undefined): string => (typeof locale === 'string' ? (locale.trim().toLowerCase().split(/[-_]/)[0] ?? '') : '');

/** Registers the catalogue of `domain` (e.g. `goals`) for `language` (e.g. `es`). */
export function registerLanguageCatalogue(domain: string, language: string, catalogue: unknown): void {
  if (typeof domain !== 'string' || domain === '') invalidInput('domain', 'A catalogue needs its domain, such as "goals".');
  const key = languageOf(language);
  if (key === '' || !/^[a-z]{2,3}$/.test(key)) invalidInput('language', '`language` must be a language such as "es" or "pt-BR".');
  if (typeof catalogue !== 'object' || catalogue === null) invalidInput('catalogue', `The ${domain} catalogue for "${language}" must be an object.`);
  const byLanguage = catalogues.get(domain) ?? new Map<string, unknown>();
  byLanguage.set(key, catalogue);
  catalogues.set(domain, byLanguage);
}

/** The registered catalogue of `domain` for the language of `locale`, or undefined (then use English). */
export function languageCatalogue<T>(domain: string, locale: string | undefined): T | undefined {
  return catalogues.get(domain)?.get(languageOf(locale)) as T | undefined;
}
