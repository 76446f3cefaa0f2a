import type { Person, SetupBody } from '@roundtable/shared';
import { hashToken, randomToken } from '../auth/sessions.js';
import { insertPerson, organizerExists } from '../auth/people.js';
import { hashPassword } from '../auth/passwords.js';
import type { Db, Store } from '../store/db.js';

/** How long a first-run setup token stays valid. */
export const SETUP_TOKEN_TTL_MS = 24 * 3_600_000;

// One settings row per token (`setup_token:<sha256>` → expiry), so that every instance starting
// on an organizer-less store can print a link of its own and each of them works.
const TOKEN_KEY_PREFIX = 'setup_token:';
// Held for the length of one setup transaction; see `completeSetup`.
const SETUP_LOCK_KEY = 'setup_lock';

/** Mints a one-time setup token, stores only its hash, and returns the token for the log. */
export async function issueSetupToken(db: Db, nowMs: number): Promise<string> {
  const token = randomToken();
  await db
    .insertInto('settings')
    .values({
      key: `${TOKEN_KEY_PREFIX}${hashToken(token)}`,
      value: new Date(nowMs + SETUP_TOKEN_TTL_MS).toISOString(),
    })
    .execute();
  return token;
}

async function isSetupTokenValid(db: Db, token: string, nowMs: number): Promise<boolean> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', `${TOKEN_KEY_PREFIX}${hashToken(token)}`)
    .executeTakeFirst();
  return row !== undefined && Date.parse(row.value) > nowMs;
}

export type SetupOutcome =
  { ok: true; organizer: Person } | { ok: false; reason: 'setup_done' | 'invalid_token' | 'email_taken' };

class SetupRefused extends Error {
  constructor(readonly reason: 'setup_done' | 'invalid_token' | 'email_taken') {
    super(reason);
  }
}

/**
 * Turns a valid setup token into the first organizer, exactly once. Every setup takes the
 * `setup_lock` row first: a concurrent setup blocks on that key until this one commits, and only
 * then checks for an organizer, so two people racing with two valid tokens cannot both become
 * "the first organizer". The lock row is deleted before commit, so nothing stays behind.
 */
export async function completeSetup(store: Store, body: SetupBody, nowMs: number): Promise<SetupOutcome> {
  // Hashing is slow on purpose; keep it outside the transaction that serializes setups.
  const passwordHash = await hashPassword(body.password);
  try {
    const organizer = await store.transaction(async (tx) => {
      await tx
        .insertInto('settings')
        .values({ key: SETUP_LOCK_KEY, value: String(nowMs) })
        .execute();
      if (await organizerExists(tx)) throw new SetupRefused('setup_done');
      if (!(await isSetupTokenValid(tx, body.token, nowMs))) throw new SetupRefused('invalid_token');
      const created = await insertPerson(
        tx,
        { name: body.name, email: body.email, isOrganizer: true, passwordHash },
        nowMs,
      );
      if (!created) throw new SetupRefused('email_taken');
      await tx.deleteFrom('settings').where('key', 'like', `${TOKEN_KEY_PREFIX}%`).execute();
      await tx.deleteFrom('settings').where('key', '=', SETUP_LOCK_KEY).execute();
      return created;
    });
    return { ok: true, organizer };
  } catch (err) {
    if (err instanceof SetupRefused) return { ok: false, reason: err.reason };
    throw err;
  }
}
