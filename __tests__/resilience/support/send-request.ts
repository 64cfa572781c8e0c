export type RawAnswer = { status: number; contentType: string; retryAfter: string | null; body: string };

/** One POST with exactly this body and these headers; the answer read in full. */
export async function sendRaw(options: {
  url: string;
  body: string | Uint8Array;
  contentType: string | undefined;
  headers?: Record<string, string>;
}): Promise<RawAnswer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.contentType !== undefined) headers["content-type"] = options.contentType;
  const payload = typeof options.body === "string" ? options.body : new Uint8Array(options.body);
  const response = await fetch(options.url, {
    method: "POST",
    headers,
    // A Uint8Array goes out as raw bytes (possibly invalid UTF-8); with no
    // content-type given, fetch would label a string text/plain, and a Blob
    // without a type lets the header stay absent.
    body: options.contentType === undefined ? new Blob([payload]) : payload,
    signal: AbortSignal.timeout(60_000),
  });
  return {
    status: response.status,
    contentType: response.headers.get("content-type") ?? "",
    retryAfter: response.headers.get("retry-after"),
    body: await response.text(),
  };
}
