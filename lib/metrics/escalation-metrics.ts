import "server-only";
import { counter } from "@/lib/metrics/registry";

const escalations = counter({
  name: "iop_escalations_total",
  help: "Overdue-urgent escalation emails by outcome",
  labelNames: ["outcome"] as const,
});

export function countEscalations(result: { sent: number; failed: number }): void {
  if (result.sent > 0) escalations.inc({ outcome: "sent" }, result.sent);
  if (result.failed > 0) escalations.inc({ outcome: "failed" }, result.failed);
}
