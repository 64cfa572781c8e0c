import { writeFileSync } from "node:fs";
import { hashForLookup } from "@/lib/crypto/lookup-hash";
import { disconnectDb, getDb, getPool } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { encryptInquiryFields } from "@/lib/inquiries/encrypt-inquiry-fields";
import { idempotencyKeyFor } from "@/lib/inquiries/idempotency-key";
import { storeInquiry } from "@/lib/inquiries/store-inquiry";
import { submitInquiry } from "@/lib/inquiries/submit-inquiry";
import { checkFormToken, issueFormToken } from "@/lib/security/form-token";
import { appSecret, lookupHashKey } from "@/lib/security/secrets";
import { InquirySchema } from "@/lib/validations/inquiry";
import { makeInquiry } from "./support/inquiry-payload";
import { summariseLatencies, type LatencySummary } from "./support/latency-stats";

// A small experiment outside the app: the steps of submitInquiry (same order,
// same functions, same database) timed one by one in a plain Node process, then
// submitInquiry itself, then one round trip through pg and through Prisma. Run
// by the benchmark as `node --conditions=react-server --import tsx
// bench/profile-submission.ts` with the app's environment; writes JSON to
// BENCH_PROFILE_OUT. Sequential: it measures cost, not contention.

const COUNT = Number(process.env.BENCH_PROFILE_COUNT ?? 200);
const WARMUP = 20;

type Timings = Record<string, number[]>;

async function timeSteps(timings: Timings, record: boolean): Promise<void> {
  const env = getEnv();
  const mark = (name: string, since: number) => {
    if (record) (timings[name] ??= []).push(performance.now() - since);
    return performance.now();
  };
  let t = performance.now();
  const token = checkFormToken({ secret: appSecret(), token: issueFormToken({ secret: appSecret(), now: Date.now() - 5000 }), minFillSeconds: 0 });
  if (!token.ok) throw new Error("token check failed");
  t = mark("form token check", t);
  const parsed = InquirySchema.parse(makeInquiry());
  t = mark("InquirySchema.parse", t);
  const idempotencyKey = idempotencyKeyFor({ secret: appSecret(), nonce: token.nonce, inquiry: parsed });
  const ipHash = hashForLookup({ key: lookupHashKey(), kind: "ip", value: "127.0.0.1" });
  t = mark("idempotency key + address hash (HMACs)", t);
  encryptInquiryFields(parsed);
  t = mark("field encryption (also inside storeInquiry)", t);
  await storeInquiry({
    pool: getPool(),
    db: getDb(),
    inquiry: parsed,
    idempotencyKey,
    locale: "en",
    request: { ipHash, userAgent: "bench" },
    limits: {
      ip: { key: `submit:ip:${ipHash}`, max: env.RATE_LIMIT_IP_MAX, windowSeconds: env.RATE_LIMIT_IP_WINDOW_SECONDS },
      global: { key: "submit:global", max: env.RATE_LIMIT_GLOBAL_MAX, windowSeconds: env.RATE_LIMIT_GLOBAL_WINDOW_SECONDS },
    },
    formToken: { nonce: token.nonce, expiresAt: token.expiresAt },
    solvedChallenge: null,
  });
  mark("storeInquiry (one statement: limits + rows + NOTIFY)", t);
}

async function timeWhole(): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < COUNT + WARMUP; i += 1) {
    const formToken = issueFormToken({ secret: appSecret(), now: Date.now() - 5000 });
    const started = performance.now();
    const result = await submitInquiry({
      answers: makeInquiry(),
      envelope: { formToken, honeypot: undefined },
      request: { ip: "127.0.0.1", userAgent: "bench", locale: "en" },
    });
    if (!result.ok) throw new Error(`submitInquiry refused: ${result.kind}`);
    if (i >= WARMUP) latencies.push(performance.now() - started);
  }
  return latencies;
}

async function timeRoundTrips(): Promise<{ pg: LatencySummary; prisma: LatencySummary }> {
  const pg: number[] = [];
  const prisma: number[] = [];
  for (let i = 0; i < COUNT; i += 1) {
    let started = performance.now();
    await getPool().query("SELECT 1");
    pg.push(performance.now() - started);
    started = performance.now();
    await getDb().$queryRaw`SELECT 1`;
    prisma.push(performance.now() - started);
  }
  return { pg: summariseLatencies(pg), prisma: summariseLatencies(prisma) };
}

async function main(): Promise<void> {
  const timings: Timings = {};
  for (let i = 0; i < WARMUP; i += 1) await timeSteps(timings, false);
  for (let i = 0; i < COUNT; i += 1) await timeSteps(timings, true);
  const whole = await timeWhole();
  const roundTrips = await timeRoundTrips();
  const steps = Object.entries(timings).map(([name, values]) => ({ name, ...summariseLatencies(values) }));
  const out = process.env.BENCH_PROFILE_OUT;
  if (!out) throw new Error("BENCH_PROFILE_OUT is not set");
  writeFileSync(out, JSON.stringify({ count: COUNT, steps, submitInquiry: summariseLatencies(whole), roundTrips }, null, 2));
  await disconnectDb();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
