import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { symmetricDecrypt } from "better-auth/crypto";
import { getAuth } from "@/lib/auth/auth";
import { getDb } from "@/lib/db/client";

// TOTP replay protection, which Better Auth does not have: it accepts a code
// for the current 30-second step and one either side, as often as it is
// presented. We find which step a code belongs to and claim it with one
// conditional UPDATE: only a step newer than the last accepted one wins, so
// the same code twice (even in parallel) or an older code is refused.
const PERIOD_SECONDS = 30;
const WINDOW_STEPS = 1;

export type TotpStepClaim = "fresh" | "replayed" | "no-match";

// RFC 4226 HOTP over the seed's UTF-8 bytes, as @better-auth/utils/otp
// computes it (the library's generated seeds are used as UTF-8 strings).
function hotp(seed: Buffer, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac("sha1", seed).update(message).digest();
  const offset = (digest[digest.length - 1] ?? 0) & 0x0f;
  return ((digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).toString().padStart(6, "0");
}

function sameCode(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

// The step `code` is valid for now, if any. The seed is decrypted the way the
// two-factor plugin does (with the auth instance's own secret configuration),
// so this follows whatever protects the seeds (lib/auth/auth.ts).
async function matchingStep(userId: string, code: string, now: number): Promise<number | null> {
  const row = await getDb().staffTwoFactor.findFirst({ where: { userId }, select: { secret: true } });
  if (!row || !/^\d{6}$/.test(code)) return null;
  const { secretConfig } = await getAuth().$context;
  const seed = await symmetricDecrypt({ key: secretConfig, data: row.secret });
  // Seeds imported from elsewhere ("base32:…") are never created here.
  if (seed.startsWith("base32:")) return null;
  const key = Buffer.from(seed, "utf8");
  const current = Math.floor(now / 1000 / PERIOD_SECONDS);
  let matched: number | null = null;
  for (let step = current - WINDOW_STEPS; step <= current + WINDOW_STEPS; step += 1) {
    if (sameCode(hotp(key, step), code)) matched = step;
  }
  return matched;
}

export async function claimTotpStep(options: { userId: string; code: string; now?: number }): Promise<TotpStepClaim> {
  const step = await matchingStep(options.userId, options.code, options.now ?? Date.now());
  if (step === null) return "no-match";
  const claimed = await getDb().$executeRaw`
    UPDATE "StaffTwoFactor" SET "lastTotpStep" = ${BigInt(step)}
    WHERE "userId" = ${options.userId} AND ("lastTotpStep" IS NULL OR "lastTotpStep" < ${BigInt(step)})`;
  return claimed > 0 ? "fresh" : "replayed";
}
