/**
 * "Bring your brand": the demo programme in memory, viewed as the mentee, so every element has data to
 * show; the page's CSS (index.html) restyles them all with a few `--mk-*` tokens and `::part` rules.
 */
import { createMemoryStorage, createMentorKit } from '@mentorkit/core';
import '@mentorkit/elements/define-all.js';
import { seedDemoProgram } from '../../shared/demo-program.js';

const storage = createMemoryStorage();
await seedDemoProgram(storage);
const kit = createMentorKit({ storage, user: 'lucia-fernandez' });
const provider = document.getElementById('provider') as HTMLElement & { kit?: typeof kit };
provider.kit = kit;
await kit.ready;
const pairingId = kit.$myPairings.get()[0]?.id;
for (const element of document.querySelectorAll('#branded > *'))
  if (pairingId && element.localName !== 'mk-goal-editor') element.setAttribute('pairing-id', pairingId);

const toggle = document.getElementById('brand-toggle') as HTMLInputElement;
toggle.addEventListener('change', () => document.getElementById('branded')!.classList.toggle('northwind', toggle.checked));
