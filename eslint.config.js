// Lint with type information, and make the architecture's direction a rule:
// the code zones and who may import whom are declared once, in eslint-zones.js.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { zonesBlock } from './eslint-zones.js';

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
  // Last, and the only block that says which zone may import which.
  zonesBlock,
);
