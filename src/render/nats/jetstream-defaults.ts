/** JetStream settings hamesh writes explicitly where the spec has no field, so applied config is never implicit. */
export const jetstreamDefaults = {
  /** The server's default ack wait; used when a subscription has no retry backoff. */
  ackWaitMs: 30_000,
  /** The server's default duplicate window (capped at the stream's max_age, as the server requires). */
  duplicateWindowMs: 120_000,
  /** The server's default number of unacknowledged messages in flight; `ordered` subscriptions get 1. */
  maxAckPending: 1000,
} as const;
