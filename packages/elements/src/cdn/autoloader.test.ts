import { expect, waitUntil } from '@open-wc/testing';
import { ELEMENT_LOADERS, loadElement, startAutoloader } from './autoloader.js';

describe('CDN autoloader', () => {
  let stop: (() => void) | undefined;
  afterEach(() => {
    stop?.();
    stop = undefined;
    document.querySelectorAll('[data-autoloader-test]').forEach((node) => node.remove());
  });

  it('defines an element the first time the page uses it, including elements added later', async () => {
    expect(customElements.get('mk-icebreaker')).to.equal(undefined, 'nothing is defined before the page uses it');
    stop = startAutoloader();
    const holder = document.createElement('div');
    holder.dataset.autoloaderTest = '';
    holder.innerHTML = '<section><mk-icebreaker></mk-icebreaker></section>';
    document.body.append(holder);
    await waitUntil(() => customElements.get('mk-icebreaker') !== undefined, 'mk-icebreaker gets defined');
    expect(holder.querySelector('mk-icebreaker')!.matches(':defined')).to.equal(true);
  });

  it('loads the goal tracker together with the celebration it renders in its shadow root', async () => {
    await loadElement('mk-goal-tracker');
    expect(customElements.get('mk-goal-tracker')).to.not.equal(undefined);
    expect(customElements.get('mk-celebration')).to.not.equal(undefined);
  });

  it('refuses a tag MentorKit does not have, naming the ones it has; warns once about an unknown mk- tag in the page', async () => {
    let message = '';
    try {
      await loadElement('mk-goal-trackr');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).to.contain('MentorKit has no element <mk-goal-trackr>');
    expect(message).to.contain('mk-goal-tracker');

    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    try {
      stop = startAutoloader();
      const holder = document.createElement('div');
      holder.dataset.autoloaderTest = '';
      holder.innerHTML = '<mk-typo></mk-typo><mk-typo></mk-typo>';
      document.body.append(holder);
      await waitUntil(() => warnings.length > 0, 'a warning about the typo');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('<mk-typo> is not a MentorKit element');
    } finally {
      console.warn = original;
    }
  });

  it('lists a loader for every element tag it knows', () => {
    for (const [tag, loader] of Object.entries(ELEMENT_LOADERS)) {
      expect(tag).to.match(/^mk-[a-z-]+$/);
      expect(loader).to.be.a('function');
    }
  });
});
