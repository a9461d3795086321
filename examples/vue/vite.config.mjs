// The Vue 3 host example, built with Vite the way a Vue app would be: `npm run build` runs `vite build`
// here after the packages are built, so it consumes @mentorkit/* exactly as published (their dist/
// files through the exports maps). Single-file components are compiled by @vitejs/plugin-vue.
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  logLevel: 'warn',
  plugins: [
    vue({
      template: {
        compilerOptions: {
          // <mk-…> are custom elements (lit), not Vue components: Vue renders them as plain elements
          // instead of warning "Failed to resolve component".
          isCustomElement: (tag) => tag.startsWith('mk-'),
        },
      },
      // Only <script setup> here: leave the Options API out of the bundle.
      features: { optionsAPI: false },
    }),
  ],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', reportCompressedSize: false, chunkSizeWarningLimit: 1024 },
});
