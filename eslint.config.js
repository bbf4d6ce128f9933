import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import { layersPlugin } from './scripts/layers/eslint-rule.mjs';

export default tseslint.config(
  { ignores: ['dist/', 'lib/', '.demo/', '.bench/', '.soak/', '.act/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // One logging path: shell modules log through src/io/log.ts, which makes foreign text safe for the runner.
    files: ['src/**/*.ts'],
    ignores: ['src/io/log.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@actions/core', message: 'Log through src/io/log.ts (import * as core from its path).' },
            ...['node:child_process', 'child_process'].map((name) => ({
              name,
              message: 'Start processes through src/io/platform/process.ts, the one runner.',
            })),
          ],
        },
      ],
    },
  },
  {
    // The one runner: the only module that may start a process.
    files: ['src/io/platform/process.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@actions/core', message: 'Log through src/io/log.ts (import * as core from its path).' },
          ],
        },
      ],
    },
  },
  {
    // Files a newcomer can read in one sitting, functions that fit on a screen. The validator is generated.
    files: ['src/**/*.ts'],
    ignores: ['src/core/report/schema-validator.ts'],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    // The layers of src/ (ARCHITECTURE.md): core, io, phases, entries. Each imports only its own layer and
    // the ones below, through any chain of imports; core imports no I/O package; unit tests reach only core.
    files: ['src/**/*.ts', '__tests__/**/*.ts'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/layered-imports': 'error' },
  },
);
