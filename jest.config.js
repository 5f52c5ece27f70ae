/** Test levels by file name (style.md §11): unit = pure domain, int = stores on real databases, e2e = the app over HTTP. */
const base = {
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true, diagnostics: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
  moduleNameMapper: {
    '^@app/(event-store|matters|audit|metrics)(/(.*))?$': '<rootDir>/libs/$1/src$2',
  },
};

module.exports = {
  globalSetup: '<rootDir>/jest.global-setup.js',
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.unit.spec.ts', '<rootDir>/apps/**/*.unit.spec.ts'] },
    { ...base, displayName: 'int', testMatch: ['<rootDir>/libs/**/*.int.spec.ts', '<rootDir>/apps/**/*.int.spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
