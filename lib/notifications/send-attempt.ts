// What one delivery attempt of an outbox row came to, whatever its channel.
// "late": not started, because this worker's claim is too far into its lease
// (or the channel is paused); the row is handed back untouched.
export type SendAttempt = { kind: "late" } | { kind: "sent" } | { kind: "failed"; lastError: string };
