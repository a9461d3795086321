// Render budget of DESIGN.md: <mk-goal-tracker> with 1,000 goals — first render and one milestone
// toggle — against a bare lit-html list of the same rows, in the same headless Chromium page and run.
// The page (bench/pages/goal-tracker-page.ts) is bundled and opened by bench/browser.ts. Times include
// layout (the page reads offsetHeight).
import { openBenchPage } from './browser.js';
import { budget, finish, median } from './support.js';

const GOALS = 1000;
const RUNS = 7;

const bench = await openBenchPage('goal-tracker-page', 'goalBench', 'goal-tracker.html');
try {
  await bench.call('setup', GOALS);

  type Sample = { ms: number; rows?: number; done?: boolean; store?: number; render?: number };
  const call = (name: string) => bench.call<Sample>(name);
  const ours = { render: [] as number[], toggle: [] as number[], store: [] as number[], update: [] as number[] };
  const bare = { render: [] as number[], toggle: [] as number[], store: [] as number[] };
  let sameRows = true;
  let toggled = true;
  // Alternate ours and the reference so both see the same machine state; the first round warms up.
  for (let run = 0; run <= RUNS; run++) {
    const bareRender = await call('renderBare');
    const bareToggle = await call('toggleBare');
    const ourRender = await call('renderOurs');
    const ourToggle = await call('toggleOurs');
    sameRows &&= bareRender.rows === GOALS && ourRender.rows === GOALS;
    toggled &&= ourToggle.done === true && bareToggle.done === true;
    if (run === 0) continue;
    bare.render.push(bareRender.ms);
    bare.toggle.push(bareToggle.ms);
    ours.render.push(ourRender.ms);
    ours.toggle.push(ourToggle.ms);
    ours.store.push(ourToggle.store!);
    ours.update.push(ourToggle.render!);
    bare.store.push(bareToggle.store!);
  }
  console.log(`goal tracker, ${GOALS} goals with 3 milestones each, medians of ${RUNS} runs (headless Chromium, layout included)`);
  budget({
    name: 'first render',
    ours: median(ours.render),
    reference: { name: 'bare lit-html list', milliseconds: median(bare.render) },
    limit: 1.5,
    same: sameRows,
  });
  // Both sides tick the same milestone through core (validate, policy, write, store update), then
  // render and lay out: ours re-renders the changed row only; the reference rebuilds every row from
  // the store and lets lit-html diff them. The phases show where the time goes.
  budget({
    name: 'milestone toggle (core write + re-render + layout)',
    ours: median(ours.toggle),
    reference: { name: 'bare lit-html list, same core write', milliseconds: median(bare.toggle) },
    limit: 1.5,
    same: toggled,
  });
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(
    `        toggle phases (medians): core write ours ${ms(median(ours.store))} · reference ${ms(median(bare.store))}; our element update ${ms(median(ours.update))}; layout and the rest: ours ${ms(median(ours.toggle) - median(ours.store) - median(ours.update))} · reference ${ms(median(bare.toggle) - median(bare.store))}`,
  );
} finally {
  await bench.close();
}
finish();
