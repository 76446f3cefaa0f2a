import { createAgendaModule } from './agenda/module.js';
import { createAuditModule } from './audit/module.js';
import { createAuthModule } from './auth/module.js';
import { createChatModule } from './chat/module.js';
import { createCollabModule } from './collab/module.js';
import { createEventsModule } from './events/module.js';
import { createOpenApiModule } from './http/openapi.js';
import { createPollsModule } from './polls/module.js';
import { createLobbyModule } from './lobby/module.js';
import { createMailModule } from './mail/module.js';
import { createMediaModule } from './media/module.js';
import { createMinutesModule } from './minutes/module.js';
import type { AppModule, ModuleContext } from './module.js';
import { createPresenceModule } from './presence/module.js';
import { createReactionsModule } from './reactions/module.js';
import { createRegistrationModule } from './registration/module.js';
import { createReportsModule } from './reports/module.js';
import { createSpeakingModule } from './speaking/module.js';

/**
 * Every domain module, in creation order (shutdown runs in reverse). A module may look up the ones
 * before it in `context.modules`.
 */
export const MODULE_FACTORIES: ReadonlyArray<(context: ModuleContext) => Promise<AppModule> | AppModule> = [
  createAuthModule,
  createEventsModule,
  createRegistrationModule,
  createOpenApiModule,
  // Early: the lobby and minutes close connections and set documents read-only through it.
  createCollabModule,
  createPresenceModule,
  createAgendaModule,
  createAuditModule,
  // Lobby before speaking: the speaking order asks it who is admitted.
  createLobbyModule,
  createSpeakingModule,
  // After speaking and presence: media follows the floor and reports media presence.
  createMediaModule,
  // After collab, presence, agenda and speaking: minutes read them; reports read the minutes.
  createMinutesModule,
  createReportsModule,
  // After the lobby (admission), agenda and minutes (poll results go into the minutes).
  createChatModule,
  createPollsModule,
  createReactionsModule,
  // Last: its worker starts after everything that writes to the outbox is ready.
  createMailModule,
];
