import "server-only";

// RFC 9457 problem details. `detail` is always written by us, never an
// exception's message, so nothing internal reaches a client.
export function problemResponse(options: {
  status: number;
  title: string;
  detail?: string;
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
}): Response {
  return Response.json(
    { type: "about:blank", title: options.title, status: options.status, detail: options.detail, ...options.extensions },
    { status: options.status, headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...options.headers } },
  );
}
