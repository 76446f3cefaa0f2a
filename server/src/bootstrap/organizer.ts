import { setupUrl } from '@roundtable/shared';
import { insertPerson, organizerExists } from '../auth/people.js';
import { hashPassword } from '../auth/passwords.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Db } from '../store/db.js';
import { issueSetupToken } from './setup.js';

/** Something to tell the operator once the public origin is known (after listen). */
export type Announcement = (origin: string) => void;

/**
 * Makes sure someone can run the site. With an organizer in the store, nothing happens. Otherwise
 * the configured ORGANIZER_EMAIL/ORGANIZER_PASSWORD becomes the first organizer — instances
 * starting together all try, and the unique email lets exactly one insert land — or, with nothing
 * configured, a one-time setup token is minted and its link announced.
 */
export async function ensureFirstOrganizer(
  db: Db,
  config: Config,
  logger: Logger,
  nowMs: number,
): Promise<Announcement | null> {
  if (await organizerExists(db)) return null;
  const { ORGANIZER_EMAIL: email, ORGANIZER_PASSWORD: password } = config;
  if (email && password) {
    const created = await insertPerson(
      db,
      { name: config.ORGANIZER_NAME, email, isOrganizer: true, passwordHash: await hashPassword(password) },
      nowMs,
    );
    if (created)
      logger.info({ personId: created.id, email: created.email }, 'created the configured organizer');
    else if (!(await organizerExists(db))) {
      logger.warn({ email }, 'ORGANIZER_EMAIL belongs to a person who is not an organizer; none was created');
    }
    return null;
  }
  const token = await issueSetupToken(db, nowMs);
  return (origin) => {
    const url = setupUrl(origin, token);
    logger.warn(
      { setupUrl: url },
      `No organizer exists yet. Create the first one at ${url} (valid 24 hours)`,
    );
  };
}
