// TOTP secrets at rest: AES-256-GCM under SECRET_KEY, so a copy of the database (a backup, a
// dump handed to a developer) does not carry everyone's second factor with it.
//
// Stored form: `v1:` + base64url(12-byte nonce ‖ 16-byte tag ‖ ciphertext). The user's id and
// the column are authenticated data, so a value copied to another user's row, or from the
// pending column to the enrolled one, does not decrypt. A value without the `v1:` prefix is a
// secret stored in plain text before encryption came (base32 never holds a colon): it is read as
// it is and encrypted again the next time it is used (see two-factor.ts), so no migration has to
// know the key.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const PREFIX = 'v1:';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export const SECRET_KEY_BYTES = 32;

export type TotpColumn = 'totp_secret' | 'totp_pending_secret';

/** A stored secret that SECRET_KEY does not open: another key, or a damaged value. */
export class SecretKeyMismatchError extends Error {
  override readonly name = 'SecretKeyMismatchError';
}

export interface OpenedSecret {
  base32: string;
  /** stored in plain text (from before encryption): to be encrypted again */
  legacy: boolean;
}

export class TotpSecretBox {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== SECRET_KEY_BYTES) throw new RangeError(`the TOTP key must be ${SECRET_KEY_BYTES} bytes, not ${key.length}`);
    this.#key = Buffer.from(key);
  }

  seal(base32: string, userId: number, column: TotpColumn): string {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, nonce);
    cipher.setAAD(additionalData(userId, column));
    const ciphertext = Buffer.concat([cipher.update(base32, 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([nonce, cipher.getAuthTag(), ciphertext]).toString('base64url');
  }

  open(stored: string, userId: number, column: TotpColumn): OpenedSecret {
    if (!stored.startsWith(PREFIX)) return { base32: stored, legacy: true };
    const bytes = Buffer.from(stored.slice(PREFIX.length), 'base64url');
    const mismatch = () =>
      new SecretKeyMismatchError(`the ${column} of user ${userId} cannot be decrypted: SECRET_KEY is not the key it was encrypted with (or the stored value is damaged)`);
    if (bytes.length <= NONCE_BYTES + TAG_BYTES) throw mismatch();
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, bytes.subarray(0, NONCE_BYTES));
      decipher.setAAD(additionalData(userId, column));
      decipher.setAuthTag(bytes.subarray(NONCE_BYTES, NONCE_BYTES + TAG_BYTES));
      const plain = Buffer.concat([decipher.update(bytes.subarray(NONCE_BYTES + TAG_BYTES)), decipher.final()]);
      return { base32: plain.toString('utf8'), legacy: false };
    } catch {
      throw mismatch();
    }
  }
}

function additionalData(userId: number, column: TotpColumn): Buffer {
  return Buffer.from(`protishruti:users.${column}:${userId}`, 'utf8');
}
