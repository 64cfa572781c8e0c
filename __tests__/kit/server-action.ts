import { readFileSync } from "node:fs";
import path from "node:path";

// The one way the suites call a Next.js server action over HTTP, exactly as
// the Next.js 16 client does (captured from Chromium): POST to a page that
// holds the action, headers `Next-Action: <id>` and `Accept:
// text/x-component`, and the arguments encoded the way React's encodeReply
// encodes them. With a FormData argument the body is multipart: the form's
// fields under "_1_<name>" (repeated for lists) and the argument list as JSON
// in part "0", the FormData standing as "$K1". Without one, the body is the
// JSON argument list as text.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type ActionArgument = { form: Record<string, string | readonly string[]> } | { json: JsonValue };

export const form = (fields: Record<string, string | readonly string[]>): ActionArgument => ({ form: fields });
export const json = (value: JsonValue): ActionArgument => ({ json: value });

export type ActionResponse = {
  status: number;
  /** Where a redirect() inside the action sends the browser ("/staff/sign-in"), if it did. */
  redirect: string | null;
  setCookies: string[];
  body: string;
  headers: Headers;
};

function assertEncodable(value: JsonValue): void {
  // encodeReply escapes strings starting with "$"; the suites never send any.
  if (typeof value === "string" && value.startsWith("$")) throw new Error(`cannot encode "${value}"`);
  if (Array.isArray(value)) value.forEach(assertEncodable);
  else if (typeof value === "object" && value !== null) Object.values(value).forEach(assertEncodable);
}

export function encodeActionArguments(args: readonly ActionArgument[]): string | FormData {
  let formData: FormData | null = null;
  const root = args.map((argument): JsonValue => {
    if ("json" in argument) {
      assertEncodable(argument.json);
      return argument.json;
    }
    if (formData) throw new Error("one FormData argument at most");
    const fields = new FormData();
    for (const [name, value] of Object.entries(argument.form)) {
      for (const item of typeof value === "string" ? [value] : value) fields.append(`_1_${name}`, item);
    }
    formData = fields;
    return "$K1";
  });
  const text = JSON.stringify(root);
  if (!formData) return text;
  const multipart: FormData = formData;
  multipart.set("0", text);
  return multipart;
}

/** The id Next.js gave an exported server action in the build in `distDir` (what a browser sends as Next-Action). */
export function serverActionId(options: { root: string; distDir: string; exportedName: string }): string {
  type Manifest = { node: Record<string, { exportedName?: string }> };
  const file = path.join(options.root, options.distDir, "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === options.exportedName);
  if (!found) throw new Error(`${options.exportedName} is not in the build's server-reference-manifest.json`);
  return found[0];
}

export async function postServerAction(options: {
  baseUrl: string;
  actionId: string;
  /** A page whose bundle holds the action. */
  pagePath: string;
  args: readonly ActionArgument[];
  /** The browser's Origin (a cross-site probe sends another). */
  origin?: string;
  cookie?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}): Promise<ActionResponse> {
  const body = encodeActionArguments(options.args);
  const headers = new Headers({
    Accept: "text/x-component",
    "Next-Action": options.actionId,
    Origin: options.origin ?? new URL(options.baseUrl).origin,
    ...options.headers,
  });
  if (typeof body === "string") headers.set("Content-Type", "text/plain;charset=UTF-8");
  if (options.cookie) headers.set("Cookie", options.cookie);
  const response = await fetch(`${options.baseUrl}${options.pagePath}`, {
    method: "POST",
    headers,
    body,
    redirect: "manual",
    signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
  });
  const redirectHeader = response.headers.get("x-action-redirect");
  return {
    status: response.status,
    redirect: redirectHeader ? (redirectHeader.split(";")[0] ?? null) : null,
    setCookies: response.headers.getSetCookie(),
    body: await response.text(),
    headers: response.headers,
  };
}
