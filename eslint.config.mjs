// ESLint for the extension, the CLI, the tests, the bench, the webview and the build scripts: typed
// rules (typescript-eslint's recommendedTypeChecked; each file is checked with its own tsconfig:
// tsconfig.json, webview-ui/tsconfig.json), run by `npm run lint` and as the lint stage of `npm test`.
// @ts-check
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // src/core/schema/generated/: ajv's standalone code, written by scripts/builtinValidators.mjs.
  globalIgnores(['out/', 'dist/', '.vscode-test/', 'examples/', 'test-results/', '.bench/', 'src/core/schema/generated/']),
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['**/*.ts', 'scripts/**/*.mjs'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // scripts/*.mjs belong to no tsconfig: they get TypeScript's default project (plain JS).
        projectService: { allowDefaultProject: ['scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // node:test's test()/describe() return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] }] }],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      // A switch over a union names every member, so a new member is a lint error, not a silent default.
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Off: the code matches control characters on purpose (escaping them, refusing multi-line input).
      'no-control-regex': 'off',
      // Comments may hold a zero-width space: it keeps `**/` in a path glob from closing a JSDoc comment.
      'no-irregular-whitespace': ['error', { skipComments: true }],
    },
  },
  {
    // The layers (STYLE.md): only src/extension/ talks to VS Code; the language server runs in its own process.
    files: ['src/server/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Only src/extension/ imports vscode; this layer runs without VS Code.' }] }],
    },
  },
  {
    // The core and the protocol know no editor: neither VS Code nor the Language Server Protocol's libraries.
    files: ['src/core/**/*.ts', 'src/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'Only src/extension/ imports vscode; this layer runs without VS Code.' }],
        patterns: [{ group: ['vscode-languageserver*', 'vscode-languageclient*', 'vscode-jsonrpc*'], message: 'The core is the engine every surface shares: the language server (src/server/) wraps it in the protocol.' }],
      }],
    },
  },
  {
    files: ['webview-ui/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'The webview runs in a browser frame: it talks to the host through postMessage (src/protocol/).' }],
        patterns: [{ group: ['node:*'], message: 'The webview runs in a browser frame: no Node.js modules.' }],
      }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Off in tests: their regexes spell out the expected JSON text, indentation included, literally.
      'no-regex-spaces': 'off',
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    rules: {
      // Off for the scripts: plain JavaScript without type annotations, so every parameter is `any`;
      // the promise rules above still apply to them.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
  },
);
