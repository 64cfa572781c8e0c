import { solveChallenge } from "altcha-lib/v1";
import { checkChallengeSolution, issueChallenge, type Challenge } from "@/lib/security/proof-of-work";

let mockSecret = Buffer.alloc(32, 7);
jest.mock("@/lib/security/secrets", () => ({ appSecret: () => mockSecret }));

async function solve(challenge: Challenge, overrides: Record<string, unknown> = {}): Promise<string> {
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
  if (!solution) throw new Error("no solution");
  const payload = { algorithm: challenge.algorithm, challenge: challenge.challenge, number: solution.number, salt: challenge.salt, signature: challenge.signature, ...overrides };
  return Buffer.from(JSON.stringify(payload)).toString("base64");
}

beforeEach(() => {
  mockSecret = Buffer.alloc(32, 7);
});

describe("issueChallenge / checkChallengeSolution", () => {
  it("issues a signed challenge of the asked cost that carries its expiry, and accepts its solution", async () => {
    const challenge = await issueChallenge({ maxNumber: 2000, ttlSeconds: 600 });
    expect(challenge).toMatchObject({ algorithm: "SHA-256", maxnumber: 2000 });
    expect(challenge.salt).toMatch(/\?expires=\d+/);
    const check = await checkChallengeSolution(await solve(challenge));
    expect(check).toEqual({ ok: true, signature: challenge.signature, expiresAt: expect.any(Date) });
    if (check.ok) expect(Math.abs(check.expiresAt.getTime() - (Date.now() + 600_000))).toBeLessThan(5_000);
  });

  it("refuses a wrong number, a changed salt and a signature made with another key", async () => {
    const challenge = await issueChallenge({ maxNumber: 2000, ttlSeconds: 600 });
    const right = JSON.parse(Buffer.from(await solve(challenge), "base64").toString()) as { number: number };
    expect(await checkChallengeSolution(await solve(challenge, { number: right.number + 1 }))).toEqual({ ok: false });
    expect(await checkChallengeSolution(await solve(challenge, { salt: `${challenge.salt}0` }))).toEqual({ ok: false });
    const payload = await solve(challenge);
    mockSecret = Buffer.alloc(32, 8);
    expect(await checkChallengeSolution(payload)).toEqual({ ok: false });
  });

  it("refuses a solution once its challenge has expired", async () => {
    const challenge = await issueChallenge({ maxNumber: 2000, ttlSeconds: 600, now: Date.now() - 601_000 });
    expect(await checkChallengeSolution(await solve(challenge))).toEqual({ ok: false });
  });

  it("refuses malformed payloads without throwing", async () => {
    for (const payload of [undefined, null, 42, "", "not base64 json", Buffer.from("[]").toString("base64"), "x".repeat(3000), Buffer.from('{"algorithm":"SHA-256"}').toString("base64")]) {
      expect(await checkChallengeSolution(payload)).toEqual({ ok: false });
    }
  });
});
