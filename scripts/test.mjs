// Runs every *.test.ts under src/ and test/ with Node's test runner through tsx
// (Node 20's runner does not expand globs itself). Extra arguments are passed on,
// and plain paths narrow the run: `npm test -- src/charters`.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const roots = args.filter((a) => !a.startsWith('-'));
const flags = args.filter((a) => a.startsWith('-'));

function findTests(dir) {
  const stat = statSync(dir, { throwIfNoEntry: false });
  if (!stat) return [];
  if (stat.isFile()) return dir.endsWith('.test.ts') ? [dir] : [];
  return readdirSync(dir)
    .filter((name) => name !== 'node_modules' && !name.startsWith('.'))
    .flatMap((name) => findTests(path.join(dir, name)));
}

const files = (roots.length ? roots : ['src', 'test']).flatMap(findTests).sort();
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}
const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', ...flags, ...files],
  { stdio: 'inherit' },
);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
