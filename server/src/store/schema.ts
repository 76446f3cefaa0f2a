import type { ColumnType, Generated } from 'kysely';

/**
 * Table shapes shared by both backends. Portable column types only: timestamps are ISO-8601
 * text, booleans are 0/1 integers, structured values are JSON text, binary is a blob/bytea.
 */
export interface Database {
  settings: { key: string; value: string };
  series: {
    id: string;
    title: string;
    title_ja: string;
    description: string;
    description_ja: string;
    created_at: string;
  };
  events: {
    id: string;
    series_id: string | null;
    /** Bilingual text: the plain column is the English side, `_ja` the Japanese (migration 007). */
    title: string;
    title_ja: string;
    theme: string;
    theme_ja: string;
    description: string;
    description_ja: string;
    time_zone: string;
    sessions: string;
    venues: string;
    registration_open: number;
    report_visibility: string;
    created_at: string;
    updated_at: string;
  };
  rooms: {
    id: string;
    event_id: string;
    name: string;
    name_ja: string;
    description: string;
    description_ja: string;
    position: number;
    access: string;
    floor_mode: string;
    media_enabled: number;
    lobby_enabled: number;
    hide_draft_minutes: number;
    created_at: string;
  };
  delegations: {
    id: string;
    event_id: string;
    side: string;
    category: string;
    name: string;
    name_ja: string;
  };
  people: {
    id: string;
    name: string;
    email: string | null;
    organization: string;
    phone: string | null;
    is_organizer: number;
    password_hash: string | null;
    created_at: string;
    /** `en` / `ja`: the language of the mail this person gets; null until known. */
    language: ColumnType<string | null, string | null | undefined, string | null>;
  };
  event_members: {
    event_id: string;
    person_id: string;
    delegation_id: string | null;
    place: string | null;
  };
  room_roles: { room_id: string; person_id: string; role: string };
  registrations: {
    id: string;
    event_id: string;
    name: string;
    organization: string;
    email: string;
    phone: string;
    place: string;
    status: string;
    person_id: string | null;
    created_at: string;
    decided_at: string | null;
    decided_by: string | null;
    /** The language the registrant used on the form: their mail comes in it. */
    language: ColumnType<string, string | undefined, string>;
    /** sha256 of the registrant's personal status link token. */
    status_token_hash: ColumnType<string | null, string | null | undefined, string | null>;
  };
  invitations: {
    id: string;
    event_id: string;
    person_id: string;
    token_hash: string;
    expires_at: string;
    revoked_at: string | null;
    created_at: string;
    last_used_at: string | null;
  };
  sessions: { id_hash: string; person_id: string; created_at: string; expires_at: string };
  audit_log: {
    id: Generated<number>;
    event_id: string | null;
    room_id: string | null;
    actor_id: string | null;
    action: string;
    target_id: string | null;
    data: string;
    at: string;
  };
  /** Append-only log of accepted Yjs updates; compaction folds a prefix into doc_snapshots. */
  doc_updates: {
    seq: Generated<number>;
    doc_name: string;
    update: ColumnType<Uint8Array, Uint8Array, never>;
    created_at: string;
  };
  doc_snapshots: {
    doc_name: string;
    state: Uint8Array;
    /** Highest doc_updates.seq folded into `state`. */
    covered_seq: number;
    updated_at: string;
  };
  /** Small server-owned state per room (speaking list, current agenda item…), versioned. */
  room_state: { room_id: string; kind: string; state: string; version: number; updated_at: string };
  /** Time each person spent in each room (kept by presence; read by reports). */
  attendance: {
    room_id: string;
    person_id: string;
    first_seen: string;
    last_seen: string;
    total_seconds: number;
    /** Start of the current interval; null while the person is absent. */
    present_since: string | null;
  };
  /** Room chat messages; `id` is the order every client shows (migration 006). */
  chat_messages: {
    id: Generated<number>;
    room_id: string;
    channel: string;
    author_id: string;
    author_name: string;
    to_person_id: string | null;
    text: string;
    sent_at: string;
    deleted_at: string | null;
    deleted_by: string | null;
  };
  /** The newest message each reader has read per conversation. */
  chat_reads: { room_id: string; person_id: string; tab: string; last_read_id: number };
  /** Per event: whether the public chat goes into the report as an annex (0/1). */
  chat_event_settings: { event_id: string; public_chat_in_report: number };
  /** Every outgoing message, written with the change that causes it; see server/src/mail. */
  outbox: {
    id: string;
    dedupe_key: string;
    kind: string;
    event_id: string | null;
    person_id: string | null;
    invitation_id: string | null;
    to_address: string;
    to_name: string;
    language: string;
    subject: string;
    text: string;
    html: string;
    /** JSON: `[{ filename, contentType, content }]` (text content). */
    attachments: string;
    /** `pending` → `sending` (leased) → `delivered` | `failed`; back to `pending` to retry. */
    status: string;
    attempts: number;
    next_attempt_at: string;
    claimant: string | null;
    lease_until: string | null;
    last_error: string | null;
    smtp_response: string | null;
    created_at: string;
    sent_at: string | null;
  };
}
