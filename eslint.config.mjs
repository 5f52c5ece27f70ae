import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Contexts meet through their public faces only: `@app/<context>` (its index.ts) and `@app/<context>/testing`. */
const PUBLIC_FACES = { group: ['@app/*/*', '!@app/*/testing'], message: 'import another context through its public face: @app/<context>' };
/** The domain and the kernel are pure. */
const NO_FRAMEWORK = {
  group: ['@nestjs/*', 'typeorm', 'pg', '@electric-sql/*', '@eventstore/*', 'express'],
  message: 'the domain is free of framework and database code',
};
const restrictImports = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  // apps/console is its own project, type-checked by vue-tsc in its build
  { ignores: ['dist/', 'node_modules/', 'data/', 'coverage/', 'bench/tmp/', 'apps/console/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  // A file inside a context uses relative paths; everything else reaches a context through its faces.
  { files: ['libs/**/*.ts', 'apps/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'], rules: restrictImports(PUBLIC_FACES) },
  {
    // The domain is pure: no framework, no database, no clock.
    files: ['libs/*/src/domain/**/*.ts', 'libs/kernel/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      ...restrictImports(NO_FRAMEWORK, PUBLIC_FACES),
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'no clock in the domain: time arrives in the command',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'no clock in the domain: time arrives in the command',
        },
      ],
    },
  },
  {
    // The kernel is what every context shares: it imports none of them.
    files: ['libs/kernel/**/*.ts'],
    rules: restrictImports(NO_FRAMEWORK, { group: ['@app/*'], message: 'the kernel imports no context' }),
  },
);
