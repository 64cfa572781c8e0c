import "server-only";
import { counter } from "@/lib/metrics/registry";

// Abuse counters: what happened, never to whom. Every label value is one of
// the closed enums below; no address, network, token or reference code.

export type RateLimitScope = "network" | "global" | "mint";
export type ChallengeEvent = "issued" | "solved" | "failed" | "replayed";
export type RefusalReason = "honeypot" | "malformed_token" | "expired_token" | "too_fast" | "token_reused" | "challenge_replayed";

const rateLimitEvents = () =>
  counter({ name: "iop_rate_limit_events_total", help: "Requests past a rate threshold (a challenge asked, or a token mint refused)", labelNames: ["scope"] });
const challengeEvents = () => counter({ name: "iop_challenge_events_total", help: "Proof-of-work challenges issued, solved, failed or replayed", labelNames: ["event"] });
const refusals = () => counter({ name: "iop_submissions_refused_total", help: "Public submissions refused, by trap", labelNames: ["reason"] });

export function countRateLimitEvent(scope: RateLimitScope): void {
  rateLimitEvents().inc({ scope });
}

export function countChallengeEvent(event: ChallengeEvent): void {
  challengeEvents().inc({ event });
}

export function countRefusal(reason: RefusalReason): void {
  refusals().inc({ reason });
}
