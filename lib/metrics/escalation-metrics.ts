import "server-only";
import { counter } from "@/lib/metrics/registry";

const escalations = counter({
  name: "iop_escalations_total",
  help: "Overdue-urgent escalations queued (their delivery is counted with the outbox's)",
});

export function countEscalations(result: { queued: number }): void {
  if (result.queued > 0) escalations.inc(result.queued);
}
