import crypto from 'node:crypto';
import type { Store } from '../store/db.js';

const KEY = 'session_secret';

/**
 * The signing secret: SESSION_SECRET when given, otherwise one generated on first start and kept
 * in the store so every instance sharing the store signs and verifies alike.
 */
export async function loadSigningSecret(store: Store, configured: string | undefined): Promise<Uint8Array> {
  if (configured) return new TextEncoder().encode(configured);
  const generated = crypto.randomBytes(48).toString('base64url');
  // Insert-if-absent then read: two instances starting together agree on whichever landed first.
  await store.db
    .insertInto('settings')
    .values({ key: KEY, value: generated })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await store.db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', KEY)
    .executeTakeFirstOrThrow();
  return new TextEncoder().encode(row.value);
}
