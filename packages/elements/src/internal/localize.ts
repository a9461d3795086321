/**
 * Translations for MentorKit elements: a small runtime that follows the host page's language.
 *
 * - Each element ships its English messages as a catalogue next to it (`pairing-card.messages.ts`),
 *   keyed by message id, and each other bundled language in its own module
 *   (`pairing-card.messages.es.ts`) that is loaded the first time the element renders in that
 *   language — a page in English never downloads Spanish. Until it arrives the element shows
 *   English; then it re-renders (`await element.updateComplete` waits for it). Core's own sentences
 *   in that language (`@mentorkit/core/es`) are registered at the same time.
 * - A message is a string with `{name}` placeholders, or a function of its parameters and locale
 *   (for plurals and lists).
 * - The language is the element's `locale` property, else the nearest `lang` attribute (crossing shadow
 *   roots), else the browser's. Changing `<html lang>` re-renders every connected element
 *   (`LocaleController` watches it), so a host that switches language needs no MentorKit call.
 * - Hosts add languages or reword messages with `registerMessages('fr', { 'mk-pairing-card.heading': … })`;
 *   registered messages win over the bundled ones. Lookup: exact locale (`es-MX`), its language (`es`),
 *   then English; a message missing everywhere shows its id, which tests catch.
 *
 * Placeholders are filled with text, never HTML: lit renders the result as a text node.
 *
 * This is MentorKit's one translation runtime: messages use core's one format (`formatMessage` in
 * `@mentorkit/core`: `{name}`, `{name|one|other}`, right-to-left isolation); core's sentences in
 * other languages load here too (`@mentorkit/core/es`). CONTRIBUTING ("Translations") says why this
 * is not `@lit/localize`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatMessage, isolateParameters, type MessageParameters } from '@mentorkit/core';
import { resolveLocale } from './format.js';

export type { MessageParameters };
export type Message = string | ((parameters: MessageParameters, locale: string | undefined) => string);
export type MessageCatalogue = Readonly<Record<string, Message>>;
/** An element's bundled messages: English is complete; other languages may be partial. */
export type ElementMessages = { readonly en: MessageCatalogue } & Readonly<Record<string, MessageCatalogue>>;
/** Loaders of an element's other bundled languages, by language (`{ es: () => import('./x.messages.es.js')… }`). */
export type CatalogueLoaders = Readonly<Record<string, () => Promise<MessageCatalogue>>>;

/** `one` when `count` is 1, else `other` (for message functions). */
export const plural = (count: unknown, one: string, other: string): string => (Number(count) === 1 ? one : other);
/** A parameter as text (`''` when absent), for message functions. */
export const parameterText = (parameters: MessageParameters, name: string): string => String(parameters[name] ?? '');
/** A parameter as a number, for message functions. */
export const parameterNumber = (parameters: MessageParameters, name: string): number => Number(parameters[name]);

/** The languages every bundled element catalogue is complete in (tests hold each element to it). */
export const BUNDLED_LANGUAGES = ['en', 'es'] as const;

const registered = new Map<string, Map<string, Message>>();
const listeners = new Set<() => void>();
/** Loads started (`<tag>:<language>` and `core:<language>`), so each happens once. */
const loads = new Map<string, Promise<void>>();
/** Loads not finished yet; `localesLoaded()` waits for them. */
const pending = new Set<Promise<void>>();

/** Core's sentences per language (SMART hints, coaching models, reasons…), registered with core when first needed. */
const coreLanguages: Readonly<Record<string, () => Promise<void>>> = {
  es: () => import('@mentorkit/core/es').then((module) => module.registerSpanish()),
};

/** Bumped whenever messages change (a catalogue loaded, `registerMessages`); see `LocaleController.revision`. */
let messagesRevision = 0;

function notify(): void {
  messagesRevision++;
  for (const listener of listeners) listener();
}

/** Catalogues loaded on demand: `<tag>` → language → messages. */
const loadedCatalogues = new Map<string, Map<string, MessageCatalogue>>();
const storeCatalogue = (tag: string, language: string, catalogue: MessageCatalogue): void => {
  loadedCatalogues.set(tag, (loadedCatalogues.get(tag) ?? new Map<string, MessageCatalogue>()).set(language, catalogue));
};
const bundledCatalogue = (tag: string, language: string): MessageCatalogue | undefined => loadedCatalogues.get(tag)?.get(language);

function startLoad(key: string, load: () => Promise<void>): void {
  if (loads.has(key)) return;
  const loading = load().then(
    () => {
      pending.delete(loading);
      notify();
    },
    (error: unknown) => {
      // Offline or a missing chunk: keep showing English, and try again on a later render.
      pending.delete(loading);
      loads.delete(key);
      console.warn(`MentorKit could not load the messages "${key}"; showing English.`, error);
    },
  );
  loads.set(key, loading);
  pending.add(loading);
}

/**
 * Resolves once every language catalogue requested so far has loaded (or failed). Elements'
 * `updateComplete` waits for it, so tests and hosts can `await element.updateComplete` after
 * switching `lang`.
 */
export async function localesLoaded(): Promise<void> {
  while (pending.size > 0) await Promise.allSettled([...pending]);
}

/** Whether a language catalogue is still loading. */
export const hasPendingLanguageLoads = (): boolean => pending.size > 0;

/**
 * Starts loading what rendering `tag` in `locale` needs: the element's catalogue for that
 * language and core's sentences in it. Nothing happens for English or a language with no bundle.
 */
export function loadLanguage(tag: string, locale: string | undefined, loaders: CatalogueLoaders = {}): void {
  for (const candidate of candidates(locale)) {
    if (candidate === 'en') continue;
    const loadCore = coreLanguages[candidate];
    if (loadCore) startLoad(`core:${candidate}`, loadCore);
    const loadCatalogue = loaders[candidate];
    if (loadCatalogue && !bundledCatalogue(tag, candidate)) {
      startLoad(`${tag}:${candidate}`, async () => {
        storeCatalogue(tag, candidate, await loadCatalogue());
      });
    }
  }
}

/**
 * Makes a bundled language available at once instead of on first use: the elements' catalogues in
 * it, by tag, and (with `core: true`) word that core's sentences in it are registered already. What
 * `@mentorkit/elements/locales/es` does, so a page that is in Spanish from the start renders in
 * Spanish the first time. Elements on the page re-render.
 */
export function provideLanguage(language: string, catalogues: Readonly<Record<string, MessageCatalogue>>, options: { core?: boolean | undefined } = {}): void {
  const key = typeof language === 'string' ? language.toLowerCase() : '';
  if (!/^[a-z]{2,3}$/.test(key)) throw new TypeError('provideLanguage needs a language such as "es".');
  for (const [tag, catalogue] of Object.entries(catalogues)) storeCatalogue(tag, key, catalogue);
  if (options.core) loads.set(`core:${key}`, Promise.resolve());
  notify();
}

/**
 * Adds or rewords messages for a locale (`fr`, `pt-BR`…), for every element on the page. Keys are
 * `<tag>.<message id>`, e.g. `mk-pairing-card.heading`; the ids are in each element's
 * `*.messages.ts`. Connected elements re-render.
 */
export function registerMessages(locale: string, messages: Readonly<Record<string, Message>>): void {
  if (typeof locale !== 'string' || locale.trim() === '') throw new TypeError('registerMessages needs a locale such as "fr" or "pt-BR".');
  if (typeof messages !== 'object' || messages === null) throw new TypeError('registerMessages needs an object of messages keyed "<tag>.<id>".');
  const key = locale.toLowerCase();
  const map = registered.get(key) ?? new Map<string, Message>();
  for (const [id, message] of Object.entries(messages)) {
    if (typeof message !== 'string' && typeof message !== 'function') throw new TypeError(`Message "${id}" must be a string or a function.`);
    map.set(id, message);
  }
  registered.set(key, map);
  notify();
}

/** Locale candidates from most to least specific: `es-MX` → `es-mx`, `es`, then `en`. */
function candidates(locale: string | undefined): string[] {
  const list: string[] = [];
  if (locale) {
    const lower = locale.toLowerCase();
    list.push(lower);
    const language = lower.split('-')[0]!;
    if (language !== lower) list.push(language);
  }
  if (!list.includes('en')) list.push('en');
  return list;
}

/** The message `id` of element `tag` in `locale`, with its parameters filled in. */
export function translate(tag: string, catalogue: ElementMessages, id: string, locale: string | undefined, given: MessageParameters = {}): string {
  for (const candidate of candidates(locale)) {
    const message = registered.get(candidate)?.get(`${tag}.${id}`) ?? catalogue[candidate]?.[id] ?? bundledCatalogue(tag, candidate)?.[id];
    if (message !== undefined) return typeof message === 'function' ? message(isolateParameters(given, locale), locale) : formatMessage(message, given, locale);
  }
  return id;
}

let htmlObserver: MutationObserver | undefined;
function watchDocumentLanguage(): void {
  if (htmlObserver || typeof MutationObserver === 'undefined' || typeof document === 'undefined') return;
  htmlObserver = new MutationObserver(notify);
  htmlObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'] });
}

/**
 * Gives an element `t(id, parameters)` in its current locale and re-renders it when `<html lang>`
 * changes, a host registers messages or a language it needs has loaded.
 *
 * ```ts
 * private readonly i18n = new LocaleController(this, 'mk-pairing-card', pairingCardMessages, pairingCardLanguages);
 * render() { return html`<h2>${this.i18n.t('heading')}</h2>`; }
 * ```
 */
export class LocaleController implements ReactiveController {
  private readonly listener = () => this.host.requestUpdate();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { locale?: string | undefined },
    private readonly tag: string,
    private readonly catalogue: ElementMessages,
    private readonly loaders: CatalogueLoaders = {},
  ) {
    host.addController(this);
  }

  /** Before each render: start loading the element's language if it is not here yet. */
  hostUpdate(): void {
    loadLanguage(this.tag, this.locale, this.loaders);
  }

  hostConnected(): void {
    watchDocumentLanguage();
    listeners.add(this.listener);
  }

  hostDisconnected(): void {
    listeners.delete(this.listener);
  }

  /** The locale the element renders in (undefined: the browser's). */
  get locale(): string | undefined {
    return resolveLocale(this.host, this.host.locale);
  }

  /**
   * Changes whenever any element's messages may have changed (a language loaded, `registerMessages`).
   * Memoised parts of a template (`guard`) list it with the locale, so they re-render in the new words.
   */
  get revision(): number {
    return messagesRevision;
  }

  /** The message `id` in the element's locale. */
  t(id: string, parameters?: MessageParameters): string {
    return translate(this.tag, this.catalogue, id, this.locale, parameters);
  }
}
