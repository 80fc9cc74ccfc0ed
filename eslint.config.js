// Lint with type information, and make the architecture's direction a rule:
// shared never imports an app, renderers never reach electron or node:*,
// and shared/src/core stays free of client, ui and desktop code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const apps = ['@vitrine/kiosk', '@vitrine/signage', '@vitrine/mirror', '@vitrine/store-server'];
const appPatterns = apps.flatMap((name) => [name, `${name}/*`]);
const nodeAndElectron = ['electron', 'electron/*', 'node:*', 'fs', 'path', 'child_process', 'os'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'assets/generated/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.config.ts', '*.js', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['scripts/**', '*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: appPatterns, message: 'shared/ never imports an app.' }] },
      ],
    },
  },
  {
    files: ['shared/src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: appPatterns, message: 'shared/ never imports an app.' },
            {
              group: [
                '**/client/**',
                '**/ui/**',
                '**/desktop/**',
                '../client',
                '../ui',
                '../desktop',
              ],
              message: 'core runs anywhere: it never imports client, ui or desktop.',
            },
            {
              group: [...nodeAndElectron, 'react', 'react-dom', 'dexie', 'express', 'mqtt'],
              message: 'core is framework-free and runs anywhere.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['*/src/renderer/**', 'shared/src/client/**', 'shared/src/ui/**'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: appPatterns, message: 'renderer code never imports another app.' },
            {
              group: nodeAndElectron,
              message: 'renderer code runs in a browser: no electron or node.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['*/src/main/**', '*/src/preload/**', 'shared/src/desktop/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: appPatterns, message: 'shells never import an app.' },
            {
              group: [
                '**/renderer/**',
                '@vitrine/shared/client',
                '@vitrine/shared/ui',
                'react',
                'react-dom',
                'dexie',
              ],
              message: 'main and preload never import renderer code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['*/src/preload/**', 'shared/src/desktop/preload*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                ...nodeAndElectron.filter((pattern) => !pattern.startsWith('electron')),
                'zod',
              ],
              message: 'a sandboxed preload can only require electron.',
            },
          ],
        },
      ],
    },
  },
);
