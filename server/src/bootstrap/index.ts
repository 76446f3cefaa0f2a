import { invitationUrl, textIn } from '@roundtable/shared';
import { publicOrigin } from '../config.js';
import type { ModuleContext } from '../module.js';
import { createDemoData, type DemoData, type DemoSeedHook } from './demo.js';
import { ensureFirstOrganizer, type Announcement } from './organizer.js';

/**
 * First-start work on the store: the first organizer (or a setup link) and the demo data. Runs on
 * every instance at every start and is safe when several start together. Links are logged once
 * the server listens, because only then is the public origin known (PORT=0 picks a port).
 */
export async function runBootstrap(
  context: ModuleContext,
  demoSeedHooks: readonly DemoSeedHook[] = [],
): Promise<void> {
  const { store, config, logger, clock } = context;
  const announcements: Announcement[] = [];
  const organizer = await ensureFirstOrganizer(store.db, config, logger, clock.now());
  if (organizer) announcements.push(organizer);
  if (config.DEMO_DATA) {
    const demo = await createDemoData(store, clock.now(), demoSeedHooks);
    if (demo) announcements.push(announceDemo(context, demo));
  }
  if (announcements.length === 0) return;
  const server = context.io.httpServer;
  const announce = (): void => {
    // Read the bound port here: `context.publicOrigin()` learns it only in listen's own callback,
    // which runs after this 'listening' listener.
    const address = server.address();
    const origin =
      address && typeof address === 'object' ? publicOrigin(config, address.port) : context.publicOrigin();
    for (const a of announcements) a(origin);
  };
  if (server.listening) announce();
  else server.once('listening', announce);
}

function announceDemo(context: ModuleContext, demo: DemoData): Announcement {
  return (origin) => {
    context.logger.info(
      { events: demo.events.map((e) => textIn(e.event.title, 'en')) },
      'Created the demo data. Sign-in links for the demo people follow (printed only this once).',
    );
    for (const i of demo.invitations) {
      const as = i.roles.length > 0 ? i.roles.join(', ') : 'participant by the room rules';
      const url = invitationUrl(origin, i.token);
      context.logger.info(
        { demoPerson: i.name, delegation: i.delegation, roles: i.roles, url },
        `Demo sign-in: ${i.name} (${i.delegation}; ${as}) ${url}`,
      );
    }
  };
}
