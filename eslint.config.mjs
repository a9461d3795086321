// ESLint flat config: typescript-eslint's recommended rules on every TypeScript file, lit, web-components
// and lit-a11y rules on the elements, and import rules (no cycles, imports first, `.js` specifiers) on the
// packages. `npm run lint` runs it with zero warnings allowed; CI runs that script.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'storybook-static/**',
      '.test-results/**',
      '**/*.d.ts',
      '**/*.d.mts',
      'examples/**/build/**',
      'examples/**/public/vendor/**',
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      // `unknown` over `any` (DESIGN's style); an `any` that is truly needed says why in a disable comment.
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use an `as const` object instead of an enum (DESIGN, Style).' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // A `let` that a closure declared before it reads (a request the `finish` callback aborts) stays a `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: ['packages/*/src/**/*.ts', 'packages/*/test/**/*.ts', 'test/**/*.{ts,mjs}', 'bench/**/*.ts', 'stories/**/*.ts', 'scripts/**/*.mjs'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json', alwaysTryTypes: true })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/first': 'error',
      'import-x/no-duplicates': 'error',
      'import-x/no-self-import': 'error',
    },
  },
  {
    files: ['packages/elements/src/**/*.ts', 'stories/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['packages/elements/src/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['packages/elements/src/**/*.ts'],
    plugins: { 'lit-a11y': litA11y },
    rules: {
      ...litA11y.configs.recommended.rules,
      // `<ul role="list">` is deliberate: WebKit drops a list's semantics for VoiceOver once its bullets
      // are styled away (list-style: none), and our lists have none.
      'lit-a11y/no-redundant-role': 'off',
    },
  },
  {
    // Test files: chai's property assertions (`expect(x).to.be.true`) are expressions on purpose, and
    // tests reach deep into parsed JSON (`statement.context.extensions[...]`) where `any` reads plainest.
    files: ['**/*.test.ts', '**/*.test.mjs', 'test/**/*.ts', 'test/**/*.mjs', 'packages/*/test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
);
