// Test support: runs the CLI as a real child process against a test database.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../core/paths.ts';

const run = promisify(execFile);
const CLI = path.join(PROJECT_ROOT, 'src/cli/main.ts');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A CLI bound to a data directory and, on PostgreSQL, to a test database's URL. */
export function cliRunner(dataDir: string, databaseUrl: string | undefined) {
  return async (args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> => {
    try {
      const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', CLI, ...args], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '', LOG_LEVEL: 'silent', ...env },
        maxBuffer: 16 * 1024 * 1024,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };
}
