/**
 * MentorKit inside a React 19 app: the host creates the client (here on a memory adapter seeded with
 * the sample programme; a real host passes its own adapter), hands it to <mk-provider> as a property,
 * and listens to the elements' typed events with `on<event-name>` props.
 */
import { useEffect, useState } from 'react';
import { createMemoryStorage, createMentorKit, type MentorKit, type Pairing } from '@mentorkit/core';
import '@mentorkit/elements/define-all.js';
import type {} from '@mentorkit/elements/react';
import { seedDemoProgram } from '../../shared/demo-program.js';

const VIEWERS = { 'lucia-fernandez': 'Lucía Fernández (mentee)', 'kenji-watanabe': 'Kenji Watanabe (mentor)' } as const;
type ViewerId = keyof typeof VIEWERS;

async function startKit(userId: ViewerId): Promise<MentorKit> {
  const storage = createMemoryStorage();
  await seedDemoProgram(storage);
  const kit = createMentorKit({ storage, user: userId });
  await kit.ready;
  return kit;
}

export function App() {
  const [viewer, setViewer] = useState<ViewerId>('lucia-fernandez');
  const [kit, setKit] = useState<MentorKit>();
  const [selected, setSelected] = useState<Pairing>();
  const [log, setLog] = useState<string[]>([]);

  useEffect(() => {
    let cancelled = false;
    let created: MentorKit | undefined;
    void startKit(viewer).then((next) => {
      created = next;
      if (cancelled) return void next.dispose();
      setKit(next);
      setSelected(undefined);
      next.on('*', (event) => setLog((lines) => [...lines.slice(-4), `${event.type} · ${event.recordId}`]));
    });
    return () => {
      cancelled = true;
      void created?.dispose();
    };
  }, [viewer]);

  return (
    <main>
      <h1>MentorKit in React 19</h1>
      <label>
        Signed in as{' '}
        <select value={viewer} onChange={(event) => setViewer(event.target.value as ViewerId)}>
          {Object.entries(VIEWERS).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <mk-provider kit={kit} onmk-error={(event) => setLog((lines) => [...lines, `error: ${event.detail.error.message}`])}>
        <div className="react-layout">
          <section className="react-panel" aria-labelledby="pairings-title">
            <h2 id="pairings-title">Pairings</h2>
            <mk-pairing-card heading-level={3} onmk-pairing-select={(event) => setSelected(kit?.pairings.get(event.detail.pairingId))} />
          </section>
          <section className="react-panel" aria-labelledby="selected-title">
            <h2 id="selected-title">Selected in React state</h2>
            {selected ? (
              <p data-testid="selected-pairing">
                {selected.id}: {selected.status}, {selected.mentorIds.length} mentor(s)
              </p>
            ) : (
              <p>Choose a pairing in the card.</p>
            )}
            <h3>Domain events</h3>
            <div role="log" aria-live="polite">
              {log.map((line, index) => (
                <div key={index}>{line}</div>
              ))}
            </div>
          </section>
        </div>
      </mk-provider>
    </main>
  );
}
