// What a `.vue` import is, for TypeScript outside Vue's own tooling: the repository's `tsc` checks the
// .ts files of this example (kit.ts, use-store.ts, app.ts) but not the single-file components. A Vue
// team type-checks those with `vue-tsc`, which understands `<script setup lang="ts">` and templates.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
