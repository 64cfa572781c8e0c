import "server-only";

export type JsonBody = { ok: true; value: unknown } | { ok: false; reason: "too_large" | "not_json" | "wrong_type" };

// Reads a JSON request body with a hard size cap, counting bytes as they
// arrive, so a huge or endless body costs bounded memory.
export async function readJsonBody(request: Request, maxBytes: number): Promise<JsonBody> {
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) {
    return { ok: false, reason: "wrong_type" };
  }
  const reader = request.body?.getReader();
  if (!reader) return { ok: false, reason: "not_json" };
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return { ok: false, reason: "too_large" };
    }
    chunks.push(value);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString("utf8")) };
  } catch {
    return { ok: false, reason: "not_json" };
  }
}
