import { readFileSync } from "node:fs";
import path from "node:path";
import { DIST_DIR, ROOT } from "./paths";

type Manifest = { node: Record<string, { exportedName?: string }> };

/** The id Next.js gave the form's server action in this build (what a browser sends as Next-Action). */
export function submitActionId(): string {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, DIST_DIR, "server", "server-reference-manifest.json"), "utf8")) as Manifest;
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === "submitInquiryAction");
  if (!found) throw new Error("submitInquiryAction is not in the build's server-reference-manifest.json");
  return found[0];
}

/**
 * Calls the form's server action the way the enhanced form does (fetch with a
 * Next-Action header; arguments encoded as React's encodeReply does for
 * (previousState, formData): the FormData's entries prefixed "_1_", the
 * argument list as JSON in part "0", "$K1" pointing at them), with the given
 * Origin header.
 */
export async function callSubmitAction(options: {
  baseUrl: string;
  origin: string;
  formToken: string;
  answers: Record<string, unknown>;
}): Promise<{ status: number; body: string }> {
  const form = new FormData();
  const add = (name: string, value: string) => form.append(`_1_${name}`, value);
  for (const [name, value] of Object.entries(options.answers)) {
    if (value === undefined || value === null || value === false) continue;
    if (value === true) add(name, "on");
    else if (Array.isArray(value)) for (const item of value) add(name, String(item));
    else add(name, String(value));
  }
  add("formToken", options.formToken);
  add("locale", "en");
  add("website", "");
  form.append("0", JSON.stringify([{ status: "idle" }, "$K1"]));
  const response = await fetch(`${options.baseUrl}/request`, {
    method: "POST",
    headers: { "Next-Action": submitActionId(), Origin: options.origin, Accept: "text/x-component" },
    body: form,
    signal: AbortSignal.timeout(60_000),
  });
  return { status: response.status, body: await response.text() };
}
