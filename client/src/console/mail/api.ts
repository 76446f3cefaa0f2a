import { OutboxListSchema, OutboxMessageSchema, type OutboxStatus } from '@roundtable/shared';
import { apiPath, apiRequest, getJson } from '../../api/http';

/** Query key of an event's outbox (under the event, so event-wide invalidation refreshes it). */
export const outboxKey = (eventId: string) => ['events', eventId, 'outbox'] as const;

export function fetchOutbox(eventId: string, status: OutboxStatus | null, signal?: AbortSignal) {
  const query = status ? `?status=${status}` : '';
  return getJson(`${apiPath('events', eventId, 'outbox')}${query}`, OutboxListSchema, signal);
}

export function retryMessage(messageId: string) {
  return apiRequest('POST', apiPath('outbox', messageId, 'retry'), { schema: OutboxMessageSchema });
}

export function markSentByHand(messageId: string) {
  return apiRequest('POST', apiPath('outbox', messageId, 'sent-by-hand'), { schema: OutboxMessageSchema });
}
