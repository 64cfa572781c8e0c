import { createHash } from "node:crypto";
import { hashInvitationToken, INVITATION_LIFETIME_HOURS, newInvitationToken } from "@/lib/auth/invitations/invitation-token";

// Issue 4: invitation links are single-use and expire; the database keeps
// only a hash, so a copy of the table cannot be used to accept an invitation.
describe("newInvitationToken", () => {
  it("carries 256 random bits, URL-safe", () => {
    const { token } = newInvitationToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
  });

  it("never repeats", () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newInvitationToken().token));
    expect(tokens.size).toBe(1000);
  });

  it("returns the hash of its own token, which does not contain the token", () => {
    const { token, tokenHash } = newInvitationToken();
    expect(tokenHash).toBe(hashInvitationToken(token));
    expect(tokenHash).not.toContain(token);
  });
});

describe("hashInvitationToken", () => {
  it("is SHA-256 in lower-case hex (64 characters: the column's width)", () => {
    expect(hashInvitationToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(hashInvitationToken(newInvitationToken().token)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is deterministic, and differs for tokens that differ in one character", () => {
    const { token } = newInvitationToken();
    const changed = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect(hashInvitationToken(token)).toBe(hashInvitationToken(token));
    expect(hashInvitationToken(changed)).not.toBe(hashInvitationToken(token));
    expect(hashInvitationToken(token)).toBe(createHash("sha256").update(token, "utf8").digest("hex"));
  });
});

it("invitations last 72 hours", () => {
  expect(INVITATION_LIFETIME_HOURS).toBe(72);
});
