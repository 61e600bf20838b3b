// Who did something, as the audit log and the calendar's change record name them: a signed-in
// user, the holder of the admin API token, a person at the command line, or the program itself.
import os from 'node:os';

export interface Actor {
  /** the signed-in user's id; null for the CLI, the API token and the system */
  userId: number | null;
  /** what a reader of the log sees: the user's e-mail or name, `cli:<os user>`, `api-token`, `system` */
  label: string;
  /** the address the request came from; null outside HTTP */
  ip: string | null;
}

/** The program itself, for start-up work such as loading the holiday files. */
export const systemActor: Actor = Object.freeze({ userId: null, label: 'system', ip: null });

/** A person at the command line, named by their operating-system account. */
export function cliActor(): Actor {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // no passwd entry (some containers): the record still says it came from the CLI
  }
  return { userId: null, label: `cli:${user}`, ip: null };
}

/** Whoever holds the admin API token (until accounts and roles replace it), from this address. */
export function apiTokenActor(ip: string | null): Actor {
  return { userId: null, label: 'api-token', ip };
}
