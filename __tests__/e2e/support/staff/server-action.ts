import { e2eSettings } from "../settings";

// Server actions invoked over HTTP exactly as the Next.js 16 client does
// (captured from Chromium): POST to a page that holds the action, headers
// `Next-Action: <id>` and `Accept: text/x-component`, the browser's Origin,
// and the arguments encoded the way React's encodeReply encodes them. With a
// FormData argument the body is multipart: the form's fields under
// "_1_<name>" and the argument list as JSON in part "0", the FormData
// standing as "$K1". Without one, the body is the JSON argument list as text.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type ActionArgument = { form: Record<string, string> } | { json: JsonValue };

export const form = (fields: Record<string, string>): ActionArgument => ({ form: fields });
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
  // encodeReply escapes strings starting with "$"; the matrix never sends any.
  if (typeof value === "string" && value.startsWith("$")) throw new Error(`cannot encode "${value}"`);
  if (Array.isArray(value)) value.forEach(assertEncodable);
  else if (typeof value === "object" && value !== null) Object.values(value).forEach(assertEncodable);
}

function encodeArguments(args: ActionArgument[]): { body: string | FormData } {
  let formData: FormData | null = null;
  const root = args.map((argument): JsonValue => {
    if ("json" in argument) {
      assertEncodable(argument.json);
      return argument.json;
    }
    if (formData) throw new Error("one FormData argument at most");
    formData = new FormData();
    for (const [name, value] of Object.entries(argument.form)) formData.append(`_1_${name}`, value);
    return "$K1";
  });
  const text = JSON.stringify(root);
  if (!formData) return { body: text };
  const multipart: FormData = formData;
  multipart.set("0", text);
  return { body: multipart };
}

export async function callServerAction(options: {
  actionId: string;
  /** A page whose bundle holds the action (from the build's manifest). */
  pagePath: string;
  args: ActionArgument[];
  cookie?: string;
}): Promise<ActionResponse> {
  const baseUrl = e2eSettings().baseUrl;
  const { body } = encodeArguments(options.args);
  const headers = new Headers({
    Accept: "text/x-component",
    "Next-Action": options.actionId,
    Origin: new URL(baseUrl).origin,
    Referer: `${baseUrl}${options.pagePath}`,
    "User-Agent": "e2e-authorisation-matrix",
  });
  if (typeof body === "string") headers.set("Content-Type", "text/plain;charset=UTF-8");
  if (options.cookie) headers.set("Cookie", options.cookie);
  const response = await fetch(`${baseUrl}${options.pagePath}`, { method: "POST", headers, body, redirect: "manual" });
  const redirectHeader = response.headers.get("x-action-redirect");
  return {
    status: response.status,
    redirect: redirectHeader ? (redirectHeader.split(";")[0] ?? null) : null,
    setCookies: response.headers.getSetCookie(),
    body: await response.text(),
    headers: response.headers,
  };
}
