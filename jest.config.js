/** Test levels by file name (style.md §11): unit = pure domain, int = stores on real databases, e2e = the app over HTTP. */
const base = {
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
    '^.+\\.js$': '<rootDir>/jest.esm-to-cjs.js',
  },
  // ES-module-only packages (NestJS 12 and what it loads) are transformed to CommonJS; the rest is not.
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|file-type|strtok3|token-types|uint8array-extras|@tokenizer|@borewit)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
  moduleNameMapper: {
    '^@app/(event-store|matters|audit|metrics|http|kernel|supervision|notifications|directory)(/(.*))?$': '<rootDir>/libs/$1/src$2',
  },
};

/* Hooks start PGlite or a whole app: give them time on a busy 2-core machine (a hang still fails). */
module.exports = {
  // a global option (ignored inside `projects`)
  testTimeout: 120_000,
  globalSetup: '<rootDir>/jest.global-setup.js',
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.unit.spec.ts', '<rootDir>/apps/**/*.unit.spec.ts'] },
    { ...base, displayName: 'int', testMatch: ['<rootDir>/libs/**/*.int.spec.ts', '<rootDir>/apps/**/*.int.spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
