import { postServerAction, type ActionArgument, type ActionResponse } from "@/__tests__/kit/server-action";
import { e2eSettings } from "../settings";

// The matrix and hostile-input specs call staff server actions over HTTP as
// the Next.js client does (the kit's encoding), against the suite's server.
export { form, json, type ActionArgument, type ActionResponse, type JsonValue } from "@/__tests__/kit/server-action";

export async function callServerAction(options: {
  actionId: string;
  /** A page whose bundle holds the action (from the build's manifest). */
  pagePath: string;
  args: ActionArgument[];
  cookie?: string;
}): Promise<ActionResponse> {
  const baseUrl = e2eSettings().baseUrl;
  return postServerAction({
    baseUrl,
    actionId: options.actionId,
    pagePath: options.pagePath,
    args: options.args,
    cookie: options.cookie,
    headers: { Referer: `${baseUrl}${options.pagePath}`, "User-Agent": "e2e-authorisation-matrix" },
  });
}
