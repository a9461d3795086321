/// <reference types="vite/client" />
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import '../packages/elements/src/theme/theme.css';
import './preview.css';

interface ManifestMember {
  name: string;
  privacy?: string | undefined;
  static?: boolean | undefined;
}
interface Manifest {
  modules?: Array<{ declarations?: Array<{ members?: ManifestMember[] | undefined }> | undefined }> | undefined;
}

/** The docs tables show the public API only: no private or protected members, no statics. */
function publicApiOnly(manifest: Manifest): Manifest {
  return {
    ...manifest,
    modules: manifest.modules?.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) => ({
        ...declaration,
        members: declaration.members?.filter(
          (member) => !member.static && !member.name.startsWith('#') && member.privacy !== 'private' && member.privacy !== 'protected',
        ),
      })),
    })),
  };
}

// The custom-elements manifest (`npm run analyze`) drives the docs tables and controls. It is a
// generated file: when it has not been generated yet, the stories work without it.
const manifests = import.meta.glob<Manifest>('../packages/elements/custom-elements.json', { eager: true, import: 'default' });
const manifest = Object.values(manifests)[0];
if (manifest) setCustomElementsManifest(publicApiOnly(manifest));

type ThemeChoice = 'light' | 'dark' | 'system';

/** Applies the toolbar's theme the way a host page would: `data-mk-theme` on <html>. */
function applyTheme(theme: ThemeChoice): void {
  if (theme === 'system') delete document.documentElement.dataset.mkTheme;
  else document.documentElement.dataset.mkTheme = theme;
}

const preview: Preview = {
  globalTypes: {
    theme: {
      description: 'MentorKit theme (data-mk-theme on the page)',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
          { value: 'system', title: 'System preference', icon: 'browser' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light' },
  decorators: [
    (story, context) => {
      applyTheme((context.globals.theme as ThemeChoice | undefined) ?? 'light');
      return story();
    },
  ],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    a11y: { test: 'error' },
    docs: { toc: true },
  },
};

export default preview;
