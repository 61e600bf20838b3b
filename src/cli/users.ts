// users create-admin | create | grant | token | reset-2fa: accounts from the command line. The first system
// administrator can only be made here; passwords come on standard input, never as an argument
// (arguments are visible to every user of the machine in the process list).
import { createUser, findUserIdByEmail, grantRole, issueApiToken, resetSecondFactorByEmail, ROLES, type Role, type ScopeRequest } from '../accounts/index.ts';
import { loadConfig } from '../core/config.ts';
import { createOutboxMailer, createSmtpMailer, describeSendError } from '../mail/index.ts';

import { CliUsageError, cliActor, parseCommandArgs, printJson, withDatabase, type Command } from './command.ts';

const MAX_PASSWORD_INPUT = 4096;

async function readPasswordFromStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new CliUsageError('--password-stdin reads the password from standard input: pipe it in (e.g. from a password manager)');
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.length > MAX_PASSWORD_INPUT) throw new CliUsageError('the password on standard input is too long');
  }
  // one trailing newline is how `echo` and most tools end the line, not part of the password
  return text.replace(/\r?\n$/, '');
}

const accountOptions = {
  email: { type: 'string' },
  'name-bn': { type: 'string' },
  'name-en': { type: 'string' },
  'password-stdin': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
} as const;

function createCommand(usage: string, grantsAdmin: boolean): Command {
  return {
    usage,
    async run(args) {
      const { values } = parseCommandArgs(args, accountOptions);
      if (!values.email) throw new CliUsageError('--email is needed');
      if (!values['name-bn']) throw new CliUsageError('--name-bn is needed (the name as shown in Bangla)');
      if (!values['password-stdin']) throw new CliUsageError('--password-stdin is needed: the password is read from standard input');
      const password = await readPasswordFromStdin();
      const user = await withDatabase(async ({ db }) => {
        const created = await createUser(db, cliActor(), { email: values.email ?? '', nameBn: values['name-bn'] ?? '', nameEn: values['name-en'] ?? null, password });
        if (grantsAdmin) await grantRole(db, cliActor(), created.email, 'system_admin', { kind: 'national' });
        return created;
      });
      if (values.json) printJson({ id: user.id, email: user.email, roles: grantsAdmin ? ['system_admin'] : [] });
      else process.stdout.write(`Created ${grantsAdmin ? 'system administrator' : 'user'} ${user.email} (id ${user.id}).\n`);
      return 0;
    },
  };
}

export const usersCreateAdmin = createCommand('users create-admin --email <address> --name-bn <name> [--name-en <name>] --password-stdin [--json]', true);
export const usersCreate = createCommand('users create --email <address> --name-bn <name> [--name-en <name>] --password-stdin [--json]', false);

const SCOPE_OPTIONS = ['office', 'division', 'district', 'upazila', 'organisation'] as const;

export const usersGrant: Command = {
  usage: `users grant --email <address> --role <${ROLES.join('|')}> [--office <slug> | --division|--district|--upazila <slug> | --organisation <slug>]`,
  async run(args) {
    const { values } = parseCommandArgs(args, {
      email: { type: 'string' },
      role: { type: 'string' },
      office: { type: 'string' },
      division: { type: 'string' },
      district: { type: 'string' },
      upazila: { type: 'string' },
      organisation: { type: 'string' },
    });
    if (!values.email) throw new CliUsageError('--email is needed');
    const role = values.role as Role | undefined;
    if (!role || !ROLES.includes(role)) throw new CliUsageError(`--role must be one of ${ROLES.join(', ')}`);
    const given = SCOPE_OPTIONS.filter((option) => values[option] !== undefined);
    if (given.length > 1) throw new CliUsageError('give one scope: --office, --division, --district, --upazila or --organisation');
    const kind = given[0];
    const scope: ScopeRequest = kind === undefined ? { kind: 'national' } : { kind, slug: values[kind] ?? '' };
    await withDatabase(({ db }) => grantRole(db, cliActor(), values.email ?? '', role, scope));
    process.stdout.write(`Granted ${role}${kind ? ` (${kind} ${values[kind]})` : ''} to ${values.email}.\n`);
    return 0;
  },
};

export const usersToken: Command = {
  usage: 'users token --email <address> --name <what the token is for>',
  async run(args) {
    const { values } = parseCommandArgs(args, { email: { type: 'string' }, name: { type: 'string' } });
    if (!values.email) throw new CliUsageError('--email is needed');
    if (!values.name) throw new CliUsageError('--name is needed (what the token is for, e.g. "holiday sync")');
    const token = await withDatabase(async ({ db }) => issueApiToken(db, cliActor(), await findUserIdByEmail(db, values.email ?? ''), values.name ?? ''));
    // the token alone on stdout, so that it can be captured: TOKEN=$(npm run --silent cli -- users token …)
    process.stdout.write(`${token}\n`);
    return 0;
  },
};

export const usersResetTwoFactor: Command = {
  usage: 'users reset-2fa --email <address>',
  async run(args) {
    const { values } = parseCommandArgs(args, { email: { type: 'string' } });
    if (!values.email) throw new CliUsageError('--email is needed');
    const config = loadConfig();
    const { email, mailError } = await withDatabase(async ({ db }) => {
      // the same mail the web's reset sends: whoever reset it, the user hears of it
      const quiet = { info: () => undefined };
      const mailer = config.smtpUrl ? createSmtpMailer({ url: config.smtpUrl, from: config.mailFrom }) : createOutboxMailer(db, quiet);
      try {
        const reset = await resetSecondFactorByEmail(db, cliActor(), values.email ?? '');
        const mailError = await mailer.send(reset.mail).then(
          () => null,
          (error: unknown) => describeSendError(error),
        );
        return { email: reset.email, mailError };
      } finally {
        await mailer.close();
      }
    });
    process.stdout.write(`Two-step sign-in of ${email} was reset and their sessions ended; at the next sign-in the password alone signs in, then the app is set up again.\n`);
    if (mailError) process.stderr.write(`The mail telling ${email} could not be sent (${mailError.code}): tell them yourself.\n`);
    return 0;
  },
};
