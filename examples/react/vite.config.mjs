// The React host example, built with Vite the way a React app would be: `npm run build` runs
// `vite build` here after the packages are built, so it consumes @mentorkit/* exactly as published
// (their dist/ files through the exports maps). JSX is compiled by Vite's esbuild (automatic runtime).
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  logLevel: 'warn',
  esbuild: { jsx: 'automatic' },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', reportCompressedSize: false, chunkSizeWarningLimit: 1024 },
});
