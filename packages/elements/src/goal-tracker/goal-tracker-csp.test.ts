// Under a strict Content-Security-Policy (no 'unsafe-inline' styles) the progress bars still show
// their widths. In its own file: web-test-runner gives each file its own page, and a policy cannot
// be lifted once a page has it.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { goalsOf } from '@mentorkit/core/goals';
import { readyKit, seededStorage } from '../testing/fixtures.js';
import './define.js';
import type { MkGoalTracker } from './goal-tracker.js';

describe('<mk-goal-tracker> under a strict Content-Security-Policy', () => {
  it("draws the progress and the expected marker without inline style attributes (style-src 'self')", async () => {
    const violations: SecurityPolicyViolationEvent[] = [];
    document.addEventListener('securitypolicyviolation', (event) => violations.push(event));
    const policy = document.createElement('meta');
    policy.httpEquiv = 'Content-Security-Policy';
    policy.content = "style-src 'self'";
    document.head.append(policy);
    // The policy is in force: a style attribute set now is refused.
    const probe = document.createElement('div');
    probe.setAttribute('style', 'inline-size: 10px');
    expect(probe.style.inlineSize, 'the policy applies to this page').to.equal('');

    const kit = await readyKit(await seededStorage(), 'lucia', '2026-03-29T09:00:00Z');
    await goalsOf(kit).create({
      pairingId: 'p-lucia',
      title: 'Run 4 team retrospectives',
      skill: 'facilitation',
      startDate: '2026-03-01',
      dueDate: '2026-05-01',
      milestones: [{ title: 'One', done: true }, { title: 'Two' }, { title: 'Three' }, { title: 'Four' }],
    });
    const element = await fixture<MkGoalTracker>(html`<mk-goal-tracker .kit=${kit} style="inline-size: 600px"></mk-goal-tracker>`);
    const shadow = element.shadowRoot!;
    await waitUntil(() => shadow.querySelector('[part~="progress-fill"]') !== null);
    const bar = shadow.querySelector<HTMLElement>('[part~="progress"]')!;
    const fill = shadow.querySelector<HTMLElement>('[part~="progress-fill"]')!;
    const marker = shadow.querySelector<HTMLElement>('[part~="progress-expected"]')!;
    expect(bar.getAttribute('aria-valuenow')).to.equal('25');
    const width = bar.clientWidth;
    expect(fill.getBoundingClientRect().width / width).to.be.closeTo(0.25, 0.02);
    const expected = Number(bar.getAttribute('aria-valuetext')!.match(/(\d+)% expected/)![1]);
    expect((marker.getBoundingClientRect().left - bar.getBoundingClientRect().left) / width).to.be.closeTo(expected / 100, 0.02);
    expect(
      violations.filter((event) => element.shadowRoot!.contains(event.target as Node) || event.target === element),
      'no style of the tracker was refused',
    ).to.have.length(0);
  });
});
