// Mutation testing of the pure modules (not part of `npm test` or CI): `npm run mutate` runs the
// HTML escaping group; MUTATE=calendar or MUTATE=parse picks another, much longer, group.
// The command runner runs only that group's unit tests for each mutant; nothing needs a database.
const GROUPS = {
  html: { mutate: ['src/http/html.ts'], tests: ['src/http/html.test.ts'] },
  calendar: {
    mutate: ['src/calendar/deadline.ts', 'src/calendar/deadline-*.ts', 'src/calendar/working-calendar.ts', '!src/calendar/*.test.ts'],
    tests: [
      'src/calendar/deadline.test.ts',
      'src/calendar/deadline-pauses.test.ts',
      'src/calendar/deadline-properties.test.ts',
      'src/calendar/working-calendar.test.ts',
    ],
  },
  parse: { mutate: ['src/charters/parse/*.ts', '!src/charters/parse/*.test.ts'], tests: ['src/charters/parse'] },
};

const name = process.env.MUTATE ?? 'html';
const group = GROUPS[name];
if (!group) throw new Error(`MUTATE must be one of ${Object.keys(GROUPS).join(', ')}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: group.mutate,
  testRunner: 'command',
  commandRunner: { command: `node scripts/test.mjs ${group.tests.join(' ')}` },
  coverageAnalysis: 'off',
  concurrency: 2,
  timeoutMS: 60_000,
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: `test-results/mutation/${name}.html` },
  tempDirName: 'test-results/stryker-tmp',
  // the sandbox needs the sources, data and scripts, not the embedded database or build output
  ignorePatterns: ['/data/pglite', '/data/uploads', '/dist', '/test-results', '/test', '/bench', '/docs', '/.ci'],
};
