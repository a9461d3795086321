import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions, mergeConfig } from 'vite';

/**
 * Storybook for MentorKit's elements: every element, every state, light and dark.
 * `npm run storybook` (dev server on :6006), `npm run build-storybook` (static, works offline).
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    return mergeConfig(viteConfig, {
      resolve: {
        // `source` first: @mentorkit/* packages resolve to their TypeScript sources, no build needed.
        conditions: ['source', ...defaultClientConditions],
      },
      define: {
        // nanostores' development build reads process.env.NODE_ENV.
        'process.env.NODE_ENV': JSON.stringify(process.env.NODE_ENV === 'production' ? 'production' : 'development'),
      },
    });
  },
};

export default config;
