import "server-only";
import { getDb } from "@/lib/db/client";

// One's own recent sign-ins from the audit trail: successes (the person is
// the actor) and refusals naming the account (no actor; the account is the
// subject), so someone trying your password shows up here too.
const ATTEMPTS = ["staff.sign_in.failed", "staff.sign_in.locked_out", "staff.sign_in.second_factor_failed", "staff.sign_in.refused_not_enrolled", "staff.mfa.code_replay_refused"];

export type OwnSignIn = { at: Date; outcome: "signed in" | "refused"; ipAddress: string | null; userAgent: string | null };

export async function listOwnSignIns(options: { userId: string; take?: number }): Promise<OwnSignIn[]> {
  const rows = await getDb().auditEvent.findMany({
    where: {
      OR: [
        { actorId: options.userId, action: "staff.sign_in.succeeded" },
        { actorId: null, action: { in: ATTEMPTS }, metadata: { path: ["subjectUserId"], equals: options.userId } },
      ],
    },
    orderBy: { id: "desc" },
    take: options.take ?? 15,
    select: { occurredAt: true, action: true, ipAddress: true, userAgent: true },
  });
  return rows.map((row) => ({
    at: row.occurredAt,
    outcome: row.action === "staff.sign_in.succeeded" ? "signed in" : "refused",
    ipAddress: row.ipAddress,
    userAgent: row.userAgent,
  }));
}
