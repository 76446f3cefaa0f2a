import type { AppModule, ModuleContext } from '../module.js';
import { roomGateOf } from '../chat/gate.js';
import { registerPollHandlers } from './handlers.js';
import { createPollService } from './service.js';

/**
 * Polls run by co-chairs: every room's polls in the shared room state (compare-and-set over
 * every instance, so each ballot counts once), results into the minutes when published.
 */
export function createPollsModule(context: ModuleContext): AppModule {
  const gate = roomGateOf(context);
  const service = createPollService(context);
  const names = new Map<string, Promise<string | null>>();
  // Delegation names do not change during a meeting; a failed read is retried next time.
  const delegationName = (id: string): Promise<string | null> => {
    const hit = names.get(id);
    if (hit) return hit;
    const load = context.store.db
      .selectFrom('delegations')
      .select('name')
      .where('id', '=', id)
      .executeTakeFirst()
      .then((row) => row?.name ?? null);
    names.set(id, load);
    load.catch(() => names.delete(id));
    return load;
  };
  return {
    name: 'polls',
    registerSocket(socket) {
      registerPollHandlers(socket, { service, gate, delegationName, logger: context.logger });
    },
    readiness: () => service.readiness(),
    async close() {
      gate.close();
      await service.close();
    },
  };
}
