import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { TEXT_LIMITS } from '@mentorkit/core';
import { registerMessages } from '../internal/localize.js';
import { COUNTER_FROM_SHARE, counterId, describedByWithCounter, lengthLimit, renderTextCounter, textLimit, textLimitMessage } from './text-limit.js';
import { textLimitLanguages, textLimitMessages } from './text-limit.messages.js';

const counterText = async (fieldId: string, value: string, max: number, locale?: string) => {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  render(renderTextCounter(fieldId, textLimit(value, max), locale), host);
  return host.querySelector<HTMLElement>('[part~="counter"]');
};

describe('text limits (the counters of every form)', () => {
  it('measures as core does (String.length), shows from 80 % and is over only past the limit', () => {
    expect(COUNTER_FROM_SHARE).to.equal(0.8);
    expect(textLimit('x'.repeat(159), TEXT_LIMITS.goal.title)).to.deep.equal({ length: 159, max: 200, shown: false, over: false });
    expect(textLimit('x'.repeat(160), 200)).to.deep.equal({ length: 160, max: 200, shown: true, over: false });
    expect(textLimit('x'.repeat(200), 200).over).to.equal(false);
    expect(textLimit('x'.repeat(201), 200).over).to.equal(true);
    expect(textLimit('😀', 1).length, 'an emoji counts two, as in core').to.equal(2);
    expect(lengthLimit(0, 0).shown, 'no limit, no counter').to.equal(false);
  });

  it('describes the field with its own ids and the counter while shown', () => {
    expect(describedByWithCounter('title', textLimit('x', 200), 'title-hint', undefined, false)).to.equal('title-hint');
    expect(describedByWithCounter('title', textLimit('x'.repeat(190), 200), 'title-hint')).to.equal(`title-hint ${counterId('title')}`);
    expect(describedByWithCounter('title', textLimit('x', 200))).to.equal(undefined);
  });

  it('renders nothing below 80 %, characters left near the limit, and what is too much over it, in the locale', async () => {
    expect(await counterText('notes', 'x'.repeat(1599), 2000)).to.equal(null);
    const near = (await counterText('notes', 'x'.repeat(1999), 2000))!;
    expect(near.id).to.equal('notes-counter');
    expect(near.dataset.state).to.equal('near');
    expect(near.textContent).to.equal('1 character left');
    const over = (await counterText('notes', 'x'.repeat(3000), 2000))!;
    expect(over.dataset.state).to.equal('over');
    expect(over.textContent).to.equal('1,000 characters too many: the most is 2,000. Shorten it to save; nothing is cut.');
  });

  it('speaks Spanish (loaded on first use), with the same ids; hosts reword it under mk-text-limit', async () => {
    const spanish = await textLimitLanguages.es!();
    expect(Object.keys(spanish).sort()).to.deep.equal(Object.keys(textLimitMessages.en).sort());
    textLimitMessage('limit.left', 'es');
    const { localesLoaded } = await import('../internal/localize.js');
    await localesLoaded();
    expect(textLimitMessage('limit.left', 'es', { left: '12' })).to.equal('Quedan 12 caracteres');
    expect(textLimitMessage('limit.over', 'es', { excess: '1', max: '200' })).to.equal(
      'Sobra 1 carácter: el máximo es 200. Acórtalo para guardar; no se recorta nada.',
    );
    expect(textLimitMessage('limit.blocked', 'es')).to.contain('Acorta los campos marcados');
    registerMessages('fr', { 'mk-text-limit.limit.left': 'Encore {left} caractères' });
    expect(textLimitMessage('limit.left', 'fr', { left: '3' })).to.equal('Encore 3 caractères');
  });
});
