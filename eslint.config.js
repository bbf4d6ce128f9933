import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/', 'lib/', '.demo/', '.bench/', 'node_modules/', 'coverage/'] },
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
    // The pure core must not reach the runner, the network, processes or the file system.
    files: ['src/**/*.ts'],
    ignores: ['src/shell/**', 'src/main.ts', 'src/post.ts', 'src/**/*.io.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@actions/*'], message: 'Pure modules must not import the runner toolkit.' },
            {
              group: ['node:fs', 'node:fs/*', 'node:child_process', 'node:http', 'node:https', 'node:net', 'fs', 'child_process'],
              message: 'Pure modules take data in and return data; do I/O in a *.io.ts or src/shell module.',
            },
          ],
        },
      ],
    },
  },
);
