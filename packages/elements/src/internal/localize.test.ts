import { expect, fixture, html } from '@open-wc/testing';
import {
  BUNDLED_LANGUAGES,
  LocaleController,
  hasPendingLanguageLoads,
  loadLanguage,
  localesLoaded,
  registerMessages,
  translate,
  type CatalogueLoaders,
  type ElementMessages,
  type MessageCatalogue,
} from './localize.js';
import { MkElement } from './mk-element.js';
import { ELEMENT_CATALOGUES } from '../testing/catalogues.js';
import { customElement } from 'lit/decorators.js';

/** Words of three letters or more outside placeholders: '{minutes} min' has none worth translating. */
const words = (message: unknown) =>
  typeof message === 'string'
    ? message
        .replace(/\{\w+\}/g, ' ')
        .split(/[^\p{L}]+/u)
        .filter((word) => word.length >= 3).length
    : 0;

describe('localize', () => {
  const sample = {
    en: { hello: 'Hello, {name}', count: (parameters: { n?: string | number }) => (Number(parameters.n) === 1 ? 'one goal' : `${parameters.n} goals`) },
    es: { hello: 'Hola, {name}' },
  } as unknown as ElementMessages;

  it('picks the exact locale, then its language, then English, and fills placeholders as text', () => {
    expect(translate('mk-test', sample, 'hello', 'es-AR', { name: '<b>Ana</b>' })).to.equal('Hola, <b>Ana</b>');
    expect(translate('mk-test', sample, 'hello', 'de', { name: 'Ana' })).to.equal('Hello, Ana');
    expect(translate('mk-test', sample, 'hello', undefined, { name: 'Ana' })).to.equal('Hello, Ana');
    expect(translate('mk-test', sample, 'count', 'es', { n: 3 })).to.equal('3 goals');
    expect(translate('mk-test', sample, 'missing', 'es')).to.equal('missing', 'a missing id shows itself');
    expect(translate('mk-test', sample, 'hello', 'en', {})).to.equal('Hello, {name}', 'an unfilled placeholder stays visible');
  });

  it('isolates text parameters in right-to-left languages, so a Latin name keeps its order; numbers stay numbers', () => {
    registerMessages('ar', { 'mk-test.hello': 'مرحبا {name}', 'mk-test.count': (parameters: { n?: string | number }) => `${Number(parameters.n) + 1}` });
    expect(translate('mk-test', sample, 'hello', 'ar-EG', { name: 'Lucía' })).to.equal('مرحبا \u2068Lucía\u2069');
    expect(translate('mk-test', sample, 'count', 'ar', { n: '41' })).to.equal('42', 'digit-only strings are not wrapped');
    expect(translate('mk-test', sample, 'hello', 'es', { name: 'Lucía' })).to.equal('Hola, Lucía', 'left-to-right languages are untouched');
  });

  it('lets a host add a language or reword a message; registered messages win', () => {
    registerMessages('pt-BR', { 'mk-test.hello': 'Olá, {name}' });
    expect(translate('mk-test', sample, 'hello', 'pt-BR', { name: 'Ana' })).to.equal('Olá, Ana');
    expect(translate('mk-test', sample, 'hello', 'pt', { name: 'Ana' })).to.equal('Hello, Ana', 'pt-BR messages do not leak into pt');
    registerMessages('es', { 'mk-test.hello': '¡Hola, {name}!' });
    expect(translate('mk-test', sample, 'hello', 'es', { name: 'Ana' })).to.equal('¡Hola, Ana!');
    expect(() => registerMessages('', {})).to.throw(TypeError);
    expect(() => registerMessages('fr', { 'mk-test.hello': 3 as never })).to.throw(TypeError);
  });

  for (const [tag, { messages: catalogue, languages }] of Object.entries(ELEMENT_CATALOGUES)) {
    it(`${tag}: every message exists in ${BUNDLED_LANGUAGES.join(' and ')}, with the same placeholders`, async () => {
      const englishIds = Object.keys(catalogue.en).sort();
      for (const language of BUNDLED_LANGUAGES) {
        const load = languages[language];
        if (language !== 'en') expect(load, `${tag} has a loader for ${language}`).to.be.a('function');
        const messages: MessageCatalogue = language === 'en' ? catalogue.en : await load!();
        expect(Object.keys(messages).sort(), `${tag} ${language}`).to.deep.equal(englishIds);
        for (const id of englishIds) {
          const placeholders = (message: unknown) => (typeof message === 'string' ? [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort() : []);
          expect(placeholders(messages[id]), `${tag} ${language} ${id}`).to.deep.equal(placeholders(catalogue.en[id]));
          if (language !== 'en' && typeof messages[id] === 'string' && words(catalogue.en[id]) >= 2)
            expect(messages[id], `${tag} ${language} ${id} is translated`).to.not.equal(catalogue.en[id]);
        }
      }
    });
  }

  describe('languages loaded on demand', () => {
    const probeMessages = { en: { greeting: 'Good morning' } } as const satisfies ElementMessages;
    let resolveLoad!: (catalogue: MessageCatalogue) => void;
    let loads = 0;
    const probeLanguages: CatalogueLoaders = {
      fr: () => {
        loads += 1;
        return new Promise<MessageCatalogue>((resolve) => (resolveLoad = resolve));
      },
    };
    @customElement('mk-locale-probe')
    class LocaleProbe extends MkElement {
      readonly i18n = new LocaleController(this, 'mk-locale-probe', probeMessages, probeLanguages);
      override render() {
        return html`<p>${this.i18n.t('greeting')}</p>`;
      }
    }

    it('shows English while French loads once, then re-renders; updateComplete waits for it', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div lang="fr-CA"><mk-locale-probe></mk-locale-probe><mk-locale-probe></mk-locale-probe></div>`);
      const [first, second] = [...wrapper.querySelectorAll<LocaleProbe>('mk-locale-probe')];
      const text = (element: LocaleProbe) => element.shadowRoot!.querySelector('p')!.textContent;
      expect(text(first!)).to.equal('Good morning', 'English until the catalogue arrives');
      expect(loads, 'two elements, one load').to.equal(1);
      expect(hasPendingLanguageLoads()).to.equal(true);
      const settled = first!.updateComplete;
      resolveLoad({ greeting: 'Bonjour' });
      await settled;
      expect(hasPendingLanguageLoads()).to.equal(false);
      expect(text(first!)).to.equal('Bonjour');
      await second!.updateComplete;
      expect(text(second!)).to.equal('Bonjour');
    });

    it('a failed load keeps English and is tried again later', async () => {
      let attempts = 0;
      const flaky: CatalogueLoaders = {
        de: () => {
          attempts += 1;
          return attempts === 1 ? Promise.reject(new Error('offline')) : Promise.resolve({ greeting: 'Guten Morgen' });
        },
      };
      const warn = console.warn;
      console.warn = () => undefined;
      try {
        loadLanguage('mk-flaky', 'de', flaky);
        await localesLoaded();
        expect(translate('mk-flaky', probeMessages, 'greeting', 'de')).to.equal('Good morning');
        loadLanguage('mk-flaky', 'de', flaky);
        await localesLoaded();
        expect(attempts).to.equal(2);
        expect(translate('mk-flaky', probeMessages, 'greeting', 'de')).to.equal('Guten Morgen');
      } finally {
        console.warn = warn;
      }
    });
  });
});
