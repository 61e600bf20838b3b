// charter import <file|folder>... [--dry-run] [--json] [--office <slug>] [--publish]
// One file: its summary (or, with --dry-run --json, its canonical document). Several files or a
// folder: all of them in one process on one database connection, each charter in a transaction of
// its own, so that a refused one leaves nothing behind and the others still go in; progress on
// stderr, a summary on stdout, exit 1 when any was refused.
import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import {
  CHARTER_LIMITS,
  ChartersError,
  importCharter,
  KnownIds,
  officeSlugFromWebsite,
  readCharter,
  summariseCharter,
  summariseWarnings,
} from '../charters/index.ts';
import type { DB } from '../core/db/schema.ts';
import { isDatabaseUnavailable } from '../core/db/unavailable.ts';
import { DomainError } from '../core/errors.ts';
import { CliUsageError, printJson, withDatabase, type Command } from './command.ts';
import { CliInputError, readInputFile } from './input-file.ts';
import { startProgress, type Progress } from './progress.ts';
import { describeError } from './describe-error.ts';

const OPTIONS = {
  'dry-run': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  office: { type: 'string' },
  publish: { type: 'boolean', default: false },
} as const;

interface ImportFlags {
  dryRun: boolean;
  json: boolean;
  publish: boolean;
}

/**
 * What a folder is searched for: the files readCharter reads (charter text copied from PDFs and
 * portals, markdown or HTML table remnants, canonical JSON). A file named on the command line is
 * read whatever its name.
 */
export const CHARTER_FILE_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.tsv', '.json']);

export const charterImport: Command = {
  usage: 'charter import <file|folder>... [--dry-run] [--json] [--office <slug>] [--publish]',
  async run(args) {
    let parsed;
    try {
      parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (error) {
      throw new CliUsageError(error instanceof Error ? error.message : String(error));
    }
    const { values, positionals } = parsed;
    const [first] = positionals;
    if (first === undefined) throw new CliUsageError('<file> is needed: a charter file, or several, or folders of them');
    const flags = { dryRun: values['dry-run'], json: values.json, publish: values.publish };
    if (positionals.length === 1 && !(await isFolder(first))) return importOneFile(first, flags, values.office);
    // with --office the command line is `charter import <file> --office <slug>`: all into one office would be wrong
    const second = positionals[1];
    if (values.office !== undefined && second !== undefined) throw new CliUsageError(`unexpected argument ${JSON.stringify(second)}: --office takes one file`);
    if (values.office !== undefined) throw new CliUsageError(`--office takes one file, not a folder: it would import every charter in it into one office`);
    const listed = await listCharterFiles(positionals);
    if (listed.length === 0) {
      throw new CliInputError(`no charter files in ${positionals.join(', ')} (a folder is searched for ${[...CHARTER_FILE_EXTENSIONS].join(' ')})`);
    }
    return importMany(listed, flags);
  },
};

async function isFolder(name: string): Promise<boolean> {
  return (await fs.stat(name).catch(() => undefined))?.isDirectory() ?? false;
}

async function readCharterBytes(file: string): Promise<Buffer> {
  return readInputFile(file, CHARTER_LIMITS.bytes, (size) => new ChartersError('input_too_large', `${file}: ${size} bytes`));
}

async function readCharterFile(file: string) {
  const bytes = await readCharterBytes(file);
  return { bytes, doc: readCharter(bytes) };
}

async function importOneFile(file: string, flags: ImportFlags, officeSlug: string | undefined): Promise<number> {
  const { bytes, doc } = await readCharterFile(file);
  if (flags.dryRun) {
    if (flags.json) printJson(doc);
    else process.stdout.write(`${summariseCharter(doc)}\n`);
    return 0;
  }
  const result = await withDatabase(({ db }) =>
    importCharter(db, doc, {
      officeSlug,
      publish: flags.publish,
      sourceName: path.basename(file),
      sourceText: bytes.toString('utf8'),
    }),
  );
  if (flags.json) printJson({ ...result, warnings: doc.warnings.length });
  else {
    // the first version of an office has no service changes to report
    const changes = result.identityWarnings.length > 0 ? summariseWarnings('service changes', result.identityWarnings) : [];
    process.stdout.write(
      [summariseCharter(doc), ...changes, `Imported as version ${result.versionNo} (${result.status}) of office ${result.officeSlug}.`].join(
        '\n',
      ) + '\n',
    );
  }
  return 0;
}

/** A file to import, or a name that could not be read as one (missing, an unreadable folder). */
interface Listed {
  file: string;
  problem?: unknown;
}

/**
 * The files named, and the charter files of the folders named (every level down, in name order;
 * hidden files and folders and symbolic links inside a folder skipped), each once. Only names
 * are held: the files are read one at a time later.
 */
export async function listCharterFiles(names: readonly string[]): Promise<Listed[]> {
  const listed: Listed[] = [];
  const seen = new Set<string>();
  const add = (entry: Listed) => {
    const key = path.resolve(entry.file);
    if (seen.has(key)) return;
    seen.add(key);
    listed.push(entry);
  };
  const walk = async (folder: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch (problem) {
      add({ file: folder, problem });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(file);
      else if (entry.isFile() && CHARTER_FILE_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) add({ file });
    }
  };
  for (const name of names) {
    if (await isFolder(name)) await walk(name);
    else add({ file: name });
  }
  return listed;
}

interface Outcome {
  imported: { file: string; officeSlug: string | null; versionNo: number | null; status: 'published' | 'draft' | 'dry-run'; warnings: number }[];
  refused: { file: string; error: string; message: string }[];
  /** why the run ended before the last file (the database went away, Ctrl-C) */
  stopped: string | null;
}

async function importMany(listed: readonly Listed[], flags: ImportFlags): Promise<number> {
  /** the CLI's one line for the error, without its "error: " mark (the summary says these were refused) */
  const reasonOf = (error: unknown) => describeError(error).replace(/^error: /, '');
  const outcome: Outcome = { imported: [], refused: [], stopped: null };
  let progress: Progress | undefined;
  let interrupted = false;
  // the first Ctrl-C ends the run after the charter in hand (its transaction is whole), the next one at once
  const interrupt = () => (interrupted = true);
  process.once('SIGINT', interrupt);

  const known = new KnownIds();
  const importAll = async (db: Kysely<DB> | undefined) => {
    // started once the database is open: should it not open, its one line is all there is to say
    progress = listed.length > 1 ? startProgress(listed.length, process.stderr) : undefined;
    // The next file is read while this one is imported: a read waits on the disk and on Node's
    // thread pool, the import on the database, and the two overlap. Never more than two in memory.
    const readAhead = (index: number) => {
      const entry = listed[index];
      if (!entry) return undefined;
      if (entry.problem !== undefined) return Promise.resolve({ problem: entry.problem });
      return readCharterBytes(entry.file).then(
        (bytes) => ({ bytes }),
        (problem: unknown) => ({ problem }),
      );
    };
    let next = readAhead(0);
    for (const [index, { file }] of listed.entries()) {
      const read = await next;
      next = readAhead(index + 1);
      if (interrupted) {
        outcome.stopped = `interrupted after ${index} of ${listed.length} files`;
        break;
      }
      try {
        if (!read || 'problem' in read) throw read?.problem;
        const { bytes } = read;
        const doc = readCharter(bytes);
        const warnings = doc.warnings.length;
        if (db) {
          const options = { publish: flags.publish, sourceName: path.basename(file), sourceText: bytes.toString('utf8'), known };
          const result = await importCharter(db, doc, options).catch((error: unknown) => {
            if (isDatabaseUnavailable(error)) outcome.stopped = `stopped after ${index} of ${listed.length} files: ${reasonOf(error)}`;
            throw error;
          });
          outcome.imported.push({ file, officeSlug: result.officeSlug, versionNo: result.versionNo, status: result.status, warnings });
        } else outcome.imported.push({ file, officeSlug: officeSlugFromWebsite(doc.office.website), versionNo: null, status: 'dry-run', warnings });
      } catch (error) {
        if (outcome.stopped) break;
        outcome.refused.push({ file, error: errorCode(error), message: reasonOf(error) });
      }
      progress?.update(index + 1);
    }
  };
  try {
    if (flags.dryRun) await importAll(undefined);
    else await withDatabase(({ db }) => importAll(db));
  } finally {
    process.removeListener('SIGINT', interrupt);
    progress?.finish();
  }

  if (flags.json) printJson(summaryJson(outcome, flags));
  else process.stdout.write(`${summaryLines(outcome, flags).join('\n')}\n`);
  return outcome.refused.length > 0 || outcome.stopped ? 1 : 0;
}

/** A short name for what went wrong: the domain's code, the system's (ENOENT) or the database's (SQLSTATE). */
function errorCode(error: unknown): string {
  if (error instanceof DomainError) return error.code;
  if (error instanceof CliInputError) return 'not_a_regular_file';
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'error';
}

function warningTotals(outcome: Outcome) {
  return {
    charters: outcome.imported.filter((file) => file.warnings > 0).length,
    warnings: outcome.imported.reduce((sum, file) => sum + file.warnings, 0),
  };
}

function summaryLines(outcome: Outcome, flags: ImportFlags): string[] {
  const count = (status: string) => outcome.imported.filter((file) => file.status === status).length;
  const warned = warningTotals(outcome);
  return [
    flags.dryRun
      ? `checked: ${outcome.imported.length} (--dry-run: nothing written)`
      : `imported: ${outcome.imported.length} (${count('published')} published, ${count('draft')} draft)`,
    `with warnings: ${warned.charters} (${warned.warnings} warnings)`,
    `refused: ${outcome.refused.length}`,
    ...outcome.refused.map(({ file, message }) => `${file}: ${message}`),
    ...(outcome.stopped ? [outcome.stopped] : []),
  ];
}

function summaryJson(outcome: Outcome, flags: ImportFlags) {
  return {
    dryRun: flags.dryRun,
    imported: outcome.imported.length,
    refused: outcome.refused,
    warnings: warningTotals(outcome).warnings,
    stopped: outcome.stopped,
    files: outcome.imported,
  };
}
