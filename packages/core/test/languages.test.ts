import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isMentorKitError, languageCatalogue, languageOf, registerLanguageCatalogue } from '@mentorkit/core';

describe('language catalogues', () => {
  test('languageOf takes the language of a BCP 47 locale', () => {
    assert.equal(languageOf('es-MX'), 'es');
    assert.equal(languageOf(' PT_br '), 'pt');
    assert.equal(languageOf(undefined), '');
  });

  test('a registered catalogue is found by any locale of its language; others are undefined', () => {
    const french = { hello: 'Bonjour' };
    registerLanguageCatalogue('greetings', 'fr', french);
    assert.equal(languageCatalogue('greetings', 'fr-CA'), french);
    assert.equal(languageCatalogue('greetings', 'FR'), french);
    assert.equal(languageCatalogue('greetings', 'de'), undefined);
    assert.equal(languageCatalogue('other-domain', 'fr'), undefined);
    assert.equal(languageCatalogue('greetings', undefined), undefined);
  });

  test('bad input is refused with invalid-input and registers nothing', () => {
    for (const [domain, language, catalogue, path] of [
      ['', 'fr', {}, 'domain'],
      ['greetings', '', {}, 'language'],
      ['greetings', 'français', {}, 'language'],
      ['greetings', 'it', null, 'catalogue'],
      ['greetings', 'it', 'ciao', 'catalogue'],
    ] as const) {
      assert.throws(
        () => registerLanguageCatalogue(domain, language, catalogue),
        (error: unknown) => isMentorKitError(error, 'invalid-input') && error.path === path,
      );
    }
    assert.equal(languageCatalogue('greetings', 'it'), undefined);
  });
});
