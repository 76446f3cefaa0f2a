/** Limits shared by server and client so both sides refuse the same things. */
export const Limits = {
  /** Largest JSON body the REST API accepts. */
  maxJsonBodyBytes: 64 * 1024,
  /** Largest single Yjs websocket message (an update, a sync step or awareness). */
  maxYjsMessageBytes: 1024 * 1024,
  /** Largest encoded Yjs document the server keeps. */
  maxYjsDocumentBytes: 16 * 1024 * 1024,
  /**
   * Inbound Yjs messages a connection may send per second (burst of twice as many). Every keystroke
   * of a stock client is an update plus an awareness (caret) message, and a closed writer does not
   * come back on its own (4429 stops the provider): 60 cut off fast typists mid-sentence, so the
   * bound sits well above any person and still stops a flood.
   */
  maxYjsMessagesPerSecond: 200,
  /** Yjs connections allowed on one document on one instance. */
  maxConnectionsPerDocument: 1000,
  /** Socket.IO message size. */
  maxSocketPayloadBytes: 32 * 1024,
  /** Entries on one speakers list. */
  maxSpeakingEntries: 2000,
  /** Hand raises/lowers a person may send per 10 seconds. */
  maxHandActionsPer10s: 10,
  maxNameLength: 200,
  maxTextLength: 5000,
} as const;
