import { expect } from '@open-wc/testing';
import { MentorKitError, createMemoryStorage, createMentorKit, isMentorKitError } from '@mentorkit/core';
import { localesLoaded, registerMessages } from '../internal/localize.js';
import { errorText, invalidFieldCount, issueText, issuesAt } from './field-errors.js';
import { fieldErrorLanguages, fieldErrorMessages } from './field-errors.messages.js';

/** Core's own error for an invalid goal: the rules and limits come from core's schemas, not from this test. */
async function invalidGoalError(): Promise<MentorKitError> {
  const seed = {
    programs: [{ id: 'prog', name: 'Mentoring', adminIds: [] }],
    people: [
      { id: 'ana', displayName: 'Ana', roles: ['mentee'], timeZone: 'Europe/Madrid', programIds: ['prog'], workingHours: {} },
      { id: 'ben', displayName: 'Ben', roles: ['mentor'], timeZone: 'Europe/London', programIds: ['prog'], workingHours: {} },
    ],
    pairings: [{ id: 'p1', programId: 'prog', menteeId: 'ana', mentorIds: ['ben'], status: 'active', kind: 'official', reasons: [] }],
  };
  const kit = createMentorKit({ storage: createMemoryStorage({ seed }), user: 'ana' });
  await kit.ready;
  const { goalsOf } = await import('@mentorkit/core/goals');
  try {
    await goalsOf(kit).create({ pairingId: 'p1', title: 'x'.repeat(250), startDate: '2026-02-30', dueDate: 'soon' } as never);
  } catch (error) {
    if (isMentorKitError(error)) return error;
    throw error;
  } finally {
    await kit.dispose();
  }
  throw new Error('expected an invalid-input error');
}

describe('field errors (core errors said for people, every form)', () => {
  it("words core's rules and limits, never its paths; a list's entries count as one field", async () => {
    const error = await invalidGoalError();
    expect(error.code).to.equal('invalid-input');
    expect(error.issues.length).to.be.greaterThan(1);
    const title = issuesAt(error, 'goal.title');
    expect(title.map((issue) => [issue.rule, issue.requirement])).to.deep.equal([['max_length', 200]]);
    expect(issueText(title[0]!, 'en')).to.equal('At most 200 characters.');
    const dates = issuesAt(error, 'goal.startDate');
    expect(dates[0]!.rule).to.equal('calendar-date');
    expect(issueText(dates[0]!, 'en')).to.equal('Write dates as YYYY-MM-DD, for example 2026-12-25.');
    const texts = error.issues.map((issue) => issueText(issue, 'en')).join(' ');
    expect(texts).to.not.match(/`|goal\.|see issues/);
    expect(errorText(error, 'en')).to.equal(`${invalidFieldCount(error)} fields need your attention: they are marked below.`);
    const list = new MentorKitError('invalid-input', 'x', {
      issues: [
        { path: 'a.dates[0]', message: 'x', rule: 'calendar-date' },
        { path: 'a.dates[1]', message: 'x', rule: 'calendar-date' },
      ],
    });
    expect(invalidFieldCount(list)).to.equal(1);
    expect(errorText(list, 'en')).to.equal('One field needs your attention: it is marked below.');
    expect(
      issueText({ path: 'x', message: '`x` must not repeat ids.', rule: 'check' }, 'en'),
      "a rule without words: core's sentence, without the path",
    ).to.equal('Must not repeat ids.');
  });

  it("words the other error codes; a storage error keeps the adapter's sentence", () => {
    expect(errorText(new MentorKitError('conflict', '`goal` was changed (revision 3, expected 2).'), 'en')).to.contain(
      'Someone changed this while you were working on it',
    );
    expect(errorText(new MentorKitError('forbidden', 'policy denied goals.update'), 'en')).to.contain('You cannot do this here');
    expect(errorText(new MentorKitError('not-found', '`goal` g1 not found'), 'en')).to.contain('no longer there');
    expect(errorText(new MentorKitError('storage-error', 'Backend down (HTTP 503).'), 'en')).to.equal('Backend down (HTTP 503).');
    expect(errorText(new MentorKitError('storage-error', ''), 'en')).to.contain('Could not reach the server');
  });

  it('speaks Spanish (loaded on first use), with the same ids; hosts reword it under mk-field-errors', async () => {
    const spanish = await fieldErrorLanguages.es!();
    expect(Object.keys(spanish).sort()).to.deep.equal(Object.keys(fieldErrorMessages.en).sort());
    issueText({ path: 'a', message: '', rule: 'required' }, 'es');
    await localesLoaded();
    expect(issueText({ path: 'a', message: '', rule: 'required' }, 'es')).to.equal('Rellena este campo.');
    expect(issueText({ path: 'a', message: '', rule: 'max_length', requirement: 2000 }, 'es')).to.equal('Como máximo 2000 caracteres.');
    expect(
      errorText(
        new MentorKitError('invalid-input', 'x', {
          issues: [
            { path: 'a', message: 'x' },
            { path: 'b', message: 'y' },
          ],
        }),
        'es',
      ),
    ).to.equal('2 campos necesitan tu atención: están marcados abajo.');
    registerMessages('fr', { 'mk-field-errors.required': 'Remplis ce champ.' });
    expect(issueText({ path: 'a', message: '', rule: 'required' }, 'fr')).to.equal('Remplis ce champ.');
  });
});
