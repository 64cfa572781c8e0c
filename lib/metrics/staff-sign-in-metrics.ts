import "server-only";
import { counter } from "@/lib/metrics/registry";

const signIns = counter({
  name: "iop_staff_sign_ins_total",
  help: "Staff sign-in steps by outcome (ok, failed, locked_out, second_factor_failed)",
  labelNames: ["outcome"] as const,
});

const OUTCOMES: Record<string, string> = {
  "staff.sign_in.succeeded": "ok",
  "staff.sign_in.failed": "failed",
  "staff.sign_in.locked_out": "locked_out",
  "staff.sign_in.second_factor_failed": "second_factor_failed",
};

/** Counts an audited staff action when it is a sign-in outcome; other actions are ignored. */
export function countStaffSignIn(action: string): void {
  const outcome = OUTCOMES[action];
  if (outcome) signIns.inc({ outcome });
}
