import { createHash, randomBytes } from "node:crypto";

// An invitation link carries 256 random bits; the database keeps only their
// SHA-256, so a copy of the table cannot be used to accept an invitation.
export const INVITATION_LIFETIME_HOURS = 72;

export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
