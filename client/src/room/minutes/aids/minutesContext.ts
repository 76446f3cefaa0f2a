import { MinutesContextSchema } from '@roundtable/shared';
import { apiPath, getJson } from '../../../api/http';

/** Who has the floor and which agenda item runs: what a speaker line needs. */
export interface SpeakerContext {
  floor: { personId: string; name: string; delegation: string } | null;
  agendaItem: { id: string; title: string } | null;
}

/**
 * Asks the server who has the floor under which agenda item (`GET …/minutes/context`): both are
 * server state, so every note-taker inserts the same speaker whatever their screen shows.
 */
export async function fetchSpeakerContext(roomId: string, signal?: AbortSignal): Promise<SpeakerContext> {
  const { floor, agendaItem } = await getJson(
    apiPath('rooms', roomId, 'minutes', 'context'),
    MinutesContextSchema,
    signal,
  );
  return {
    // Outside a delegation the side is the best description there is (and may be absent too).
    floor: floor && {
      personId: floor.personId,
      name: floor.name,
      delegation: floor.delegation ?? floor.side ?? '',
    },
    agendaItem: agendaItem && { id: agendaItem.id, title: agendaItem.title },
  };
}
