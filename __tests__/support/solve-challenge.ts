import { solveChallenge } from "altcha-lib/v1";

// Solves a challenge from a 428 answer the way the browser does (altcha-lib's
// solver) and returns the payload to send back as `altcha`.
export async function solveChallengeFrom(json: Record<string, unknown>): Promise<string> {
  const challenge = json.challenge as { algorithm: string; challenge: string; maxnumber: number; salt: string; signature: string };
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
  if (!solution) throw new Error("challenge has no solution");
  const { algorithm, salt, signature } = challenge;
  return Buffer.from(JSON.stringify({ algorithm, challenge: challenge.challenge, number: solution.number, salt, signature })).toString("base64");
}
