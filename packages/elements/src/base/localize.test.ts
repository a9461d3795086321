import { expect } from '@open-wc/testing';
import { BUNDLED_LANGUAGES, registerMessages, translate, type ElementMessages } from './localize.js';
import { agreementMessages } from '../agreement/agreement.messages.js';
import { checkinMessages } from '../checkin/checkin.messages.js';
import { schedulerMessages } from '../scheduler/scheduler.messages.js';
import { celebrationMessages } from '../celebration/celebration.messages.js';
import { feedbackInsightsMessages } from '../feedback-insights/feedback-insights.messages.js';
import { goalEditorMessages } from '../goal-editor/goal-editor.messages.js';
import { goalTrackerMessages } from '../goal-tracker/goal-tracker.messages.js';
import { sessionFeedbackMessages } from '../session-feedback/session-feedback.messages.js';
import { threadMessages } from '../thread/thread.messages.js';
import { coachingFlowMessages } from '../coaching-flow/coaching-flow.messages.js';
import { icebreakerMessages } from '../icebreaker/icebreaker.messages.js';
import { pairingBoardMessages } from '../pairing-board/pairing-board.messages.js';
import { pairingCardMessages } from '../pairing-card/pairing-card.messages.js';

/** Every element's bundled catalogue: each must be complete in every bundled language. */
const CATALOGUES: Record<string, ElementMessages> = {
  'mk-agreement': agreementMessages,
  'mk-celebration': celebrationMessages,
  'mk-checkin': checkinMessages,
  'mk-coaching-flow': coachingFlowMessages,
  'mk-feedback-insights': feedbackInsightsMessages,
  'mk-goal-editor': goalEditorMessages,
  'mk-goal-tracker': goalTrackerMessages,
  'mk-icebreaker': icebreakerMessages,
  'mk-pairing-board': pairingBoardMessages,
  'mk-pairing-card': pairingCardMessages,
  'mk-scheduler': schedulerMessages,
  'mk-session-feedback': sessionFeedbackMessages,
  'mk-thread': threadMessages,
};

describe('localize', () => {
  const sample = { en: { hello: 'Hello, {name}', count: (parameters: { n?: string | number }) => (Number(parameters.n) === 1 ? 'one goal' : `${parameters.n} goals`) }, es: { hello: 'Hola, {name}' } } as unknown as ElementMessages;

  it('picks the exact locale, then its language, then English, and fills placeholders as text', () => {
    expect(translate('mk-test', sample, 'hello', 'es-AR', { name: '<b>Ana</b>' })).to.equal('Hola, <b>Ana</b>');
    expect(translate('mk-test', sample, 'hello', 'de', { name: 'Ana' })).to.equal('Hello, Ana');
    expect(translate('mk-test', sample, 'hello', undefined, { name: 'Ana' })).to.equal('Hello, Ana');
    expect(translate('mk-test', sample, 'count', 'es', { n: 3 })).to.equal('3 goals');
    expect(translate('mk-test', sample, 'missing', 'es')).to.equal('missing', 'a missing id shows itself');
    expect(translate('mk-test', sample, 'hello', 'en', {})).to.equal('Hello, {name}', 'an unfilled placeholder stays visible');
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

  for (const [tag, catalogue] of Object.entries(CATALOGUES)) {
    it(`${tag}: every message exists in ${BUNDLED_LANGUAGES.join(' and ')}, with the same placeholders`, () => {
      const englishIds = Object.keys(catalogue.en).sort();
      for (const language of BUNDLED_LANGUAGES) {
        const messages = catalogue[language] ?? {};
        expect(Object.keys(messages).sort(), `${tag} ${language}`).to.deep.equal(englishIds);
        for (const id of englishIds) {
          const placeholders = (message: unknown) => (typeof message === 'string' ? [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort() : []);
          expect(placeholders(messages[id]), `${tag} ${language} ${id}`).to.deep.equal(placeholders(catalogue.en[id]));
        }
      }
    });
  }
});
