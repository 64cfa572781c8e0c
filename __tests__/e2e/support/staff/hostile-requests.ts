import { expect } from "@playwright/test";
import type { InquiryInput } from "@/lib/validations/inquiry";
import { e2eSettings } from "../settings";
import type { JsonValue } from "./server-action";
import { withStaffDb } from "./staff-database";

// Requests the hostile-input spec makes that the shared helpers do not:
// callServerAction (server-action.ts) always sends the browser's own Origin
// and Referer, and submitTestInquiry (test-inquiry.ts) always sends the same
// answers. Here the caller chooses both.

/**
 * A server action posted the way Next.js 16's client posts one with a form
 * (see server-action.ts for the encoding), but with the caller's headers: a
 * header set to null is left out. Used to post with an admin's valid cookie
 * from a foreign Origin, with none, or with our own as the control.
 */
export async function postServerActionWithHeaders(options: {
  actionId: string;
  pagePath: string;
  previous: JsonValue;
  fields: Record<string, string>;
  cookie: string;
  headers: Record<string, string | null>;
}): Promise<{ status: number; body: string; headers: Headers }> {
  const baseUrl = e2eSettings().baseUrl;
  const body = new FormData();
  for (const [name, value] of Object.entries(options.fields)) body.append(`_1_${name}`, value);
  body.set("0", JSON.stringify([options.previous, "$K1"]));
  const headers = new Headers({
    Accept: "text/x-component",
    "Next-Action": options.actionId,
    Origin: new URL(baseUrl).origin,
    Referer: `${baseUrl}${options.pagePath}`,
    "User-Agent": "e2e-hostile-input",
    Cookie: options.cookie,
  });
  for (const [name, value] of Object.entries(options.headers)) {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  }
  const response = await fetch(`${baseUrl}${options.pagePath}`, { method: "POST", headers, body, redirect: "manual" });
  return { status: response.status, body: await response.text(), headers: response.headers };
}

export type SubmittedInquiry = { id: string; referenceCode: string };

/** An inquiry with the given answers, sent through the public API as integrations send one (form token, then the answers). */
export async function submitInquiryAnswers(answers: InquiryInput): Promise<SubmittedInquiry> {
  const baseUrl = e2eSettings().baseUrl;
  const headers = { Origin: new URL(baseUrl).origin, "Content-Type": "application/json" };
  const issued = await fetch(`${baseUrl}/api/v1/form-tokens`, { method: "POST", headers });
  expect(issued.status, "form token").toBe(201);
  const { formToken, minFillSeconds } = (await issued.json()) as { formToken: string; minFillSeconds: number };
  await new Promise((resolve) => setTimeout(resolve, minFillSeconds * 1000 + 200));
  const submitted = await fetch(`${baseUrl}/api/v1/inquiries`, { method: "POST", headers, body: JSON.stringify({ formToken, inquiry: answers }) });
  const text = await submitted.text();
  expect(submitted.status, `inquiry accepted by the API: ${text}`).toBe(201);
  const { referenceCode } = JSON.parse(text) as { referenceCode: string };
  const id = await withStaffDb(async (client) => (await client.query<{ id: string }>(`SELECT id FROM "Inquiry" WHERE "referenceCode" = $1`, [referenceCode])).rows[0]?.id);
  if (!id) throw new Error(`inquiry ${referenceCode} not stored`);
  return { id, referenceCode };
}

