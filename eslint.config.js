import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

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
    // One logging path: shell modules log through src/log.ts, which makes foreign text safe for the runner.
    files: ['src/**/*.ts'],
    ignores: ['src/log.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@actions/core', message: 'Log through src/log.ts (import * as core from its path).' },
            ...['node:child_process', 'child_process'].map((name) => ({
              name,
              message: 'Start processes through src/platform/process.ts, the one runner.',
            })),
          ],
        },
      ],
    },
  },
  {
    // The one runner: the only module that may start a process.
    files: ['src/platform/process.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@actions/core', message: 'Log through src/log.ts (import * as core from its path).' },
          ],
        },
      ],
    },
  },
  {
    // The pure core must not reach the runner, the network, processes or the file system. Only the shell
    // modules listed here may; keep the list short, and each of them thin.
    files: ['src/**/*.ts'],
    ignores: [
      'src/main.ts',
      'src/post.ts',
      'src/comment-action.ts',
      'src/steps/**',
      'src/net/**',
      'src/platform/facts.ts',
      'src/platform/confine.ts',
      'src/platform/process.ts',
      'src/log.ts',
      'src/binary/inspect-file.ts',
      'src/build/run.ts',
      'src/cache/entry-files.ts',
      'src/cache/go-caches.ts',
      'src/cache/library-log.ts',
      'src/cache/restore.ts',
      'src/cache/save.ts',
      'src/github/**',
      'src/toolchain/sumdb-client.ts',
      'src/toolchain/dirhash.ts',
      'src/toolchain/extract-tar.ts',
      'src/toolchain/extract-zip.ts',
      'src/toolchain/godev-source.ts',
      'src/toolchain/install.ts',
      'src/toolchain/probe.ts',
      'src/version/fetch-releases.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@actions/*'], message: 'Pure modules must not import the runner toolkit.' },
            {
              group: [
                'node:fs',
                'node:fs/*',
                'node:child_process',
                'node:http',
                'node:https',
                'node:net',
                'fs',
                'fs/*',
                'child_process',
              ],
              message: 'Pure modules take data in and return data; do I/O in one of the shell modules.',
            },
          ],
        },
      ],
    },
  },
);
