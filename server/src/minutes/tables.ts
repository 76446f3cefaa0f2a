/*
 * Table shapes added by migration 003_minutes, merged into the store's `Database` type. They live
 * beside the code that owns them; `store/schema.ts` holds the shapes of the earlier migrations.
 */

declare module '../store/schema.js' {
  interface Database {
    /** Named snapshots of a room's minutes: the whole Yjs state as one update. */
    minutes_versions: {
      id: string;
      room_id: string;
      name: string;
      state: Uint8Array;
      author_id: string | null;
      created_at: string;
    };
    /** An organizer's correction of the attendance derived from presence: 1 added, 0 removed. */
    attendance_overrides: {
      room_id: string;
      person_id: string;
      included: number;
      decided_by: string | null;
      decided_at: string;
    };
  }
}

export {};
