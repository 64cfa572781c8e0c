import clinic from "@/lib/clinic/clinic.json";

// Signs of an internal error leaking to a client: stack frames, file paths,
// driver and ORM names, error class names.
const LEAK = /\n\s+at |node_modules|\.ts:\d|\.js:\d|prisma|ECONN|postgres|Error:|TypeError|SQL/i;

export function leaksInternals(body: string): boolean {
  return LEAK.test(body);
}

/**
 * Why a 503 answer is not the clear "temporarily unavailable, call us" the
 * person must get (RFC 9457 problem+json with the clinic's phone number in its
 * detail, nothing internal), or undefined when it is.
 */
export function unavailableProblemFault(response: { contentType: string; retryAfter: string | null; body: string }): string | undefined {
  if (!response.contentType.startsWith("application/problem+json")) return `content-type ${response.contentType}`;
  if (leaksInternals(response.body)) return "body shows internal details";
  let parsed: { status?: unknown; detail?: unknown; title?: unknown };
  try {
    parsed = JSON.parse(response.body) as typeof parsed;
  } catch {
    return "body is not JSON";
  }
  if (parsed.status !== 503) return `problem status ${String(parsed.status)}`;
  if (typeof parsed.title !== "string" || parsed.title === "") return "no title";
  if (typeof parsed.detail !== "string" || !parsed.detail.includes(clinic.phone)) return "detail lacks the clinic's phone number";
  if (response.retryAfter === null) return "no Retry-After header";
  return undefined;
}
