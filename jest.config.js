import { tsImport } from 'tsx/esm/api';

// Two projects, split by what each suite can do (test/support/suite-kinds.ts follows its imports): `unit` for the
// suites that start no process, open no socket and write no file, `integration` for the rest.
const { suitesByKind } = await tsImport('./test/support/suite-kinds.ts', import.meta.url);
const suites = suitesByKind(import.meta.dirname);

const project = (displayName, files) => ({
  displayName,
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true }],
  },
  // Each suite by its whole path, taken literally.
  testRegex: files.map((file) => `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
});

/** @type {import('jest').Config} */
export default {
  projects: [project('unit', suites.unit), project('integration', suites.integration)],
  testTimeout: 120000,
  // The last line of a run: the fault, bad-input and attack cases and fuzz iterations run, and what went wrong.
  reporters: ['default', '<rootDir>/test/support/suite-reporter.mjs'],
};
