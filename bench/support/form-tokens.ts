/**
 * Form tokens from POST /api/v1/form-tokens, fetched before a phase so that
 * issuing them is not part of what it measures. One token serves any number of
 * submissions with different answers (the idempotency key covers the answers).
 */
export async function fetchFormTokens(options: { baseUrl: string; count: number }): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < options.count; i += 1) {
    const response = await fetch(`${options.baseUrl}/api/v1/form-tokens`, { method: "POST" });
    const body = (await response.json()) as { formToken?: unknown };
    if (response.status !== 201 || typeof body.formToken !== "string") {
      throw new Error(`POST /api/v1/form-tokens answered ${response.status}`);
    }
    tokens.push(body.formToken);
  }
  return tokens;
}

/** Hands out tokens round-robin. */
export function tokenRotation(tokens: string[]): () => string {
  let next = 0;
  return () => {
    const token = tokens[next++ % tokens.length];
    if (token === undefined) throw new Error("no form tokens");
    return token;
  };
}
