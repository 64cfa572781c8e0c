import type { ProofOfWorkChallenge } from "@/components/inquiry-form/form-state";

// Finds the number the server's challenge hides and returns the payload the
// server verifies (base64 JSON, the ALTCHA widget's format). altcha-lib's own
// solver, bundled with our code: Web Crypto only, no eval, no worker file, no
// request anywhere, so it runs under the strict nonce CSP as it is. Web
// Crypto's digest is asynchronous, so the page stays responsive meanwhile.
// Loaded only when a challenge arrives (a chunk from our own origin, which
// 'strict-dynamic' admits), so an ordinary visit downloads none of it.
export async function solveProofOfWork(challenge: ProofOfWorkChallenge, signal: AbortSignal): Promise<string | null> {
  const { solveChallenge } = await import("altcha-lib/v1");
  const { promise, controller } = solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber);
  signal.addEventListener("abort", () => controller.abort(), { once: true });
  const solution = await promise;
  if (!solution) return null;
  const payload = { algorithm: challenge.algorithm, challenge: challenge.challenge, number: solution.number, salt: challenge.salt, signature: challenge.signature };
  return btoa(JSON.stringify(payload));
}
