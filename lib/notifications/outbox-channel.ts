// The LISTEN/NOTIFY channel on which a committed inquiry wakes the outbox workers.
export const OUTBOX_CHANNEL = "iop_outbox";
