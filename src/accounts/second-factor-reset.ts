// A lost second factor: an administrator who may manage the user (or the command line, when the
// only system administrator lost theirs) clears it. The user's sessions end with it, so whoever
// was signed in with the old factor is out, and the next sign-in asks them to set it up again
// (or lets them in with the password alone, if their role does not need it).
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/index.ts';
import type { Actor } from '../core/actor.ts';
import type { DB } from '../core/db/schema.ts';
import { twoFactorResetMail } from './account-mail.ts';
import { AccountsError } from './errors.ts';
import type { MailMessage } from '../mail/index.ts';
import { deleteSessionsOf } from './session-repository.ts';
import { clearSecondFactor, findSecondFactorState } from './two-factor.ts';
import { requireUserWithin, type Within } from './user-admin.ts';
import { requireUserByEmail } from './user-repository.ts';

export interface SecondFactorReset {
  userId: number;
  email: string;
  /** the mail telling the user, to send after the commit */
  mail: MailMessage;
}

/** Clears the user's TOTP secret and used codes and ends their sessions; audited. no_second_factor when there is none. */
export async function resetSecondFactor(db: Kysely<DB>, actor: Actor, within: Within, userId: number): Promise<SecondFactorReset> {
  return db.transaction().execute(async (trx) => {
    const user = await requireUserWithin(trx, within, userId);
    // acting for an office, only a user who holds roles nowhere else (as for disabling): their
    // sign-in guards other offices too
    if (within.kind === 'office' && user.grants.some((grant) => grant.office_id !== within.officeId)) throw new AccountsError('forbidden', 'the user holds roles elsewhere');
    const state = await findSecondFactorState(trx, user.id);
    if (!state.enabled && !state.pending) throw new AccountsError('no_second_factor', String(user.id));
    await clearSecondFactor(trx, user.id);
    await deleteSessionsOf(trx, user.id);
    // the secret never goes into the log: only whether there was one
    await recordAudit(trx, {
      actor,
      action: 'accounts.totp.reset',
      officeId: within.kind === 'office' ? within.officeId : null,
      subject: { type: 'user', id: user.id },
      before: { email: user.email, two_factor: state.enabled, two_factor_pending: state.pending },
      after: { email: user.email, two_factor: false, two_factor_pending: false, sessions_ended: true },
    });
    return { userId: user.id, email: user.email, mail: twoFactorResetMail(user.email, user.name_bn) };
  });
}

/** The command line's way in: any user, by address. */
export async function resetSecondFactorByEmail(db: Kysely<DB>, actor: Actor, email: string): Promise<SecondFactorReset> {
  const user = await requireUserByEmail(db, email);
  return resetSecondFactor(db, actor, { kind: 'everywhere' }, user.id);
}
