// Test support: runs the CLI as a real child process against a test database.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../core/paths.ts';

const run = promisify(execFile);
const CLI = path.join(PROJECT_ROOT, 'src/cli/main.ts');
// far above a command's few seconds, so a CLI that waits forever (on a FIFO, say) fails its test instead of hanging the suite
const KILL_AFTER_MS = 120_000;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function cliEnv(dataDir: string, databaseUrl: string | undefined, env: Record<string, string | undefined>) {
  return { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '', LOG_LEVEL: 'silent', ...env };
}

/** A CLI bound to a data directory and, on PostgreSQL, to a test database's URL. */
export function cliRunner(dataDir: string, databaseUrl: string | undefined) {
  return async (args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> => {
    try {
      const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', CLI, ...args], {
        cwd: PROJECT_ROOT,
        env: cliEnv(dataDir, databaseUrl, env),
        maxBuffer: 16 * 1024 * 1024,
        timeout: KILL_AFTER_MS,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };
}

/** The CLI as a child process whose pipes the test handles itself (e.g. closes stdout early, as `| head` does). */
export function spawnCli(dataDir: string, databaseUrl: string | undefined, args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: PROJECT_ROOT,
    env: cliEnv(dataDir, databaseUrl, {}),
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: KILL_AFTER_MS,
  });
}

/** The CLI with text on its standard input (a password for --password-stdin, say). */
export function runCliWithInput(dataDir: string, databaseUrl: string | undefined, args: string[], input: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      cwd: PROJECT_ROOT,
      env: cliEnv(dataDir, databaseUrl, {}),
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: KILL_AFTER_MS,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(input);
  });
}
