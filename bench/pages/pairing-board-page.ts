// The page the pairing-board bench loads (bench/pairing-board.bench.ts, opened by bench/browser.ts): a
// 500-person cohort (100 mentors with 5 seats, 400 mentees) with a proposed round; <mk-pairing-board>
// on it, and a bare lit-html list of the same pairs. A weight change re-runs the matching in core for
// both; then each renders and lays out.
import { html, render } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { createMemoryStorage, createMentorKit, type MentorKit } from '@mentorkit/core';
import { pairingFeature, type PairingRound } from '@mentorkit/core/pairing';
import '@mentorkit/elements/pairing-board/define.js';
import type { MkPairingBoard } from '@mentorkit/elements';
import { layout, settle, stage } from './support.js';

const zones = ['Europe/Madrid', 'Asia/Tokyo', 'America/New_York', 'Asia/Kathmandu', 'Australia/Sydney', 'Africa/Lagos'];
const skills = ['TypeScript', 'leadership', 'security', 'writing', 'Python', 'agility'];
const hours = ['09:00-17:00'];
let kit: MentorKit;
let roundId = '';
let weight = 1;

function cohortMember(id: string, index: number, mentor: boolean) {
  return {
    id,
    displayName: `${mentor ? 'Mentor' : 'Mentee'} ${index}`,
    roles: [mentor ? 'mentor' : 'mentee'],
    timeZone: zones[(mentor ? index : index * 7) % 6],
    capacity: mentor ? 5 : 1,
    workingHours: { 1: hours, 2: hours, 3: hours, 4: hours, 5: hours },
    languages: ['en'],
    interests: [],
    programIds: ['big'],
    skills: mentor ? [{ name: skills[index % 6], level: 5 }] : [],
    wantsToLearn: mentor ? [] : [{ name: skills[index % 6], priority: 3 }],
  };
}

async function setup(mentors: number, mentees: number): Promise<number> {
  const storage = createMemoryStorage({
    seed: {
      programs: [{ id: 'big', name: 'Big', adminIds: ['admin'], defaultCoachingModel: 'grow' }],
      people: [
        { id: 'admin', displayName: 'Admin', roles: ['admin'], timeZone: 'UTC', workingHours: {}, programIds: ['big'] },
        ...Array.from({ length: mentors }, (_, index) => cohortMember(`m${index}`, index, true)),
        ...Array.from({ length: mentees }, (_, index) => cohortMember(`e${index}`, index, false)),
      ],
    },
  });
  kit = createMentorKit({ storage, user: 'admin', now: () => '2026-10-14T09:00:00Z' });
  await kit.ready;
  const round = await kit.use(pairingFeature).propose({ programId: 'big' });
  roundId = round.id;
  return round.proposal.assignments.length;
}

const currentRound = () =>
  kit
    .use(pairingFeature)
    .$rounds.get()
    .find((round) => round.id === roundId)!;
/** Each re-run changes the interests weight, so every run really re-runs the matching. */
const nextWeights = () => ({ interests: (weight = weight === 1 ? 3 : 1) });

/** Ours: the board on the round, then a weight change re-run through core and the board's update. */
async function rerunOurs(): Promise<{ ms: number; pairs: number; weight: number }> {
  const board = document.createElement('mk-pairing-board') as MkPairingBoard;
  board.kit = kit;
  board.programId = 'big';
  board.locale = 'en-GB';
  stage().replaceChildren(board);
  await board.updateComplete;
  await settle();
  const started = performance.now();
  await kit.use(pairingFeature).adjust(roundId, { weights: nextWeights() });
  await board.updateComplete;
  layout();
  const ms = performance.now() - started;
  const pairs = board.shadowRoot!.querySelectorAll('[part~="pair"]').length;
  stage().replaceChildren();
  return { ms, pairs, weight: currentRound().weights.interests ?? 0 };
}

const name = (id: string) => kit.$people.get()[id]?.displayName ?? id;
const bareTemplate = (round: PairingRound) => html`<ul>
  ${repeat(
    round.proposal.assignments,
    (assignment) => assignment.menteeId,
    (assignment) => html`<li data-mentee=${assignment.menteeId}>
      <div><h4>${name(assignment.menteeId)} with ${assignment.mentorIds.map(name).join(' and ')}</h4><span>${Math.round(assignment.score * 100)} %</span></div>
      <div>
        ${Object.entries(assignment.breakdown).map(
          ([criterion, value]) =>
            html`<div><span>${criterion}</span><span>${Math.round(value * 100)} %</span><meter min="0" max="1" .value=${value}></meter></div>`,
        )}
      </div>
      <details><summary>Why</summary><ul>${assignment.reasons.map((reason) => html`<li>${reason}</li>`)}</ul></details>
    </li>`,
  )}
</ul>`;

/** The reference: the same weight change through core, then a bare lit-html list of the round's pairs. */
async function rerunBare(): Promise<{ ms: number; pairs: number; weight: number }> {
  const host = document.createElement('div');
  stage().replaceChildren(host);
  render(bareTemplate(currentRound()), host);
  await settle();
  const started = performance.now();
  await kit.use(pairingFeature).adjust(roundId, { weights: nextWeights() });
  render(bareTemplate(currentRound()), host);
  layout();
  const ms = performance.now() - started;
  const pairs = host.querySelectorAll('li[data-mentee]').length;
  stage().replaceChildren();
  return { ms, pairs, weight: currentRound().weights.interests ?? 0 };
}

Object.assign(globalThis, { pairingBoardBench: { setup, rerunOurs, rerunBare } });
