import "server-only";
import { hashInvitationToken, newInvitationToken } from "@/lib/auth/invitations/invitation-token";
import type { Prisma } from "@/lib/db/generated/client";

// Single-use, short-lived links for one account, mailed by an admin (or
// printed by `npm run staff:create-admin`): "enrol" opens second-factor
// set-up, "password-reset" lets the person choose a new password. They carry
// 256 random bits like invitations; only the SHA-256 is stored. A new link
// for the same account and purpose replaces any open one.
export type AccessLinkPurpose = "enrol" | "password-reset";
export const ACCESS_LINK_LIFETIME_HOURS = 24;

const PATHS: Record<AccessLinkPurpose, string> = { enrol: "/staff/enrol/link", "password-reset": "/staff/password-reset" };

// The token sits in the URL fragment, which browsers never send to a server
// (no access logs, no Referer); the page reads it with JavaScript.
export function accessLinkUrl(publicUrl: string, purpose: AccessLinkPurpose, token: string): string {
  return `${publicUrl.replace(/\/$/, "")}${PATHS[purpose]}#token=${token}`;
}

export async function createAccessLink(options: {
  tx: Prisma.TransactionClient;
  userId: string;
  purpose: AccessLinkPurpose;
  createdById: string | null;
}): Promise<{ token: string; expiresAt: Date }> {
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = new Date(Date.now() + ACCESS_LINK_LIFETIME_HOURS * 3_600_000);
  await options.tx.staffAccessLink.updateMany({
    where: { userId: options.userId, purpose: options.purpose, usedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  await options.tx.staffAccessLink.create({
    data: { userId: options.userId, purpose: options.purpose, tokenHash, createdById: options.createdById, expiresAt },
  });
  return { token, expiresAt };
}

// Claims a link with one conditional UPDATE: two submissions at once cannot
// both succeed. A link from an admin who has since been disabled no longer
// works. Returns the account it belongs to.
export async function claimAccessLink(options: {
  tx: Prisma.TransactionClient;
  token: string;
  purpose: AccessLinkPurpose;
}): Promise<{ id: string; userId: string } | null> {
  const rows = await options.tx.$queryRaw<{ id: string; userId: string }[]>`
    UPDATE "StaffAccessLink" AS link SET "usedAt" = now()
    WHERE link."tokenHash" = ${hashInvitationToken(options.token)} AND link."purpose" = ${options.purpose}
      AND link."usedAt" IS NULL AND link."revokedAt" IS NULL AND link."expiresAt" > now()
      AND NOT EXISTS (SELECT 1 FROM "StaffUser" creator WHERE creator."id" = link."createdById" AND (creator."banned" OR creator."role" <> 'admin'))
      AND EXISTS (SELECT 1 FROM "StaffUser" owner WHERE owner."id" = link."userId" AND NOT owner."banned")
    RETURNING link."id"::text AS "id", link."userId" AS "userId"`;
  return rows[0] ?? null;
}
