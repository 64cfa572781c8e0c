import { form, json, postServerAction, serverActionId } from "../../kit/server-action";
import { DIST_DIR, ROOT } from "./paths";

/** The id Next.js gave the form's server action in this build (what a browser sends as Next-Action). */
export function submitActionId(): string {
  return serverActionId({ root: ROOT, distDir: DIST_DIR, exportedName: "submitInquiryAction" });
}

/**
 * Calls the form's server action the way the enhanced form does (the kit's
 * encoding of (previousState, formData)), with the given Origin header.
 */
export async function callSubmitAction(options: {
  baseUrl: string;
  origin: string;
  formToken: string;
  answers: Record<string, unknown>;
}): Promise<{ status: number; body: string }> {
  const fields: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(options.answers)) {
    if (value === undefined || value === null || value === false) continue;
    fields[name] = value === true ? "on" : Array.isArray(value) ? value.map(String) : String(value);
  }
  Object.assign(fields, { formToken: options.formToken, locale: "en", website: "" });
  const response = await postServerAction({
    baseUrl: options.baseUrl,
    actionId: submitActionId(),
    pagePath: "/request",
    origin: options.origin,
    args: [json({ status: "idle" }), form(fields)],
  });
  return { status: response.status, body: response.body };
}
