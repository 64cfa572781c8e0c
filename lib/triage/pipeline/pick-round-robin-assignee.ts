import "server-only";
import type { Prisma } from "@/lib/db/generated/client";

// The next coordinator in turn for an inquiry in `language`: an active
// coordinator (not disabled, second factor enrolled) whose profile lists the
// language, the one assigned least recently (never assigned first; ties by
// id, so the order is stable). Administrators are not in the rotation.
// Nobody speaks the language: null, and the inquiry stays unassigned for a
// person to decide rather than going to someone who cannot talk with them.
//
// The chosen profile row stays locked until the caller's transaction ends,
// and SKIP LOCKED makes a concurrent arrival take the next coordinator, so two
// inquiries arriving together are not both given to the same person. The
// caller must update lastAssignedAt in the same transaction.
export async function pickRoundRobinAssignee(options: { tx: Prisma.TransactionClient; language: string }): Promise<string | null> {
  const rows = await options.tx.$queryRaw<{ userId: string }[]>`
    SELECT p."userId"
    FROM "StaffProfile" p
    JOIN "StaffUser" u ON u."id" = p."userId"
    WHERE u."role" = 'coordinator'
      AND NOT u."banned"
      AND u."twoFactorEnabled"
      AND ${options.language}::varchar = ANY (p."languages")
    ORDER BY p."lastAssignedAt" ASC NULLS FIRST, p."userId" ASC
    LIMIT 1
    FOR UPDATE OF p SKIP LOCKED`;
  return rows[0]?.userId ?? null;
}
