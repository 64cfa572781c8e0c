import { getEnv } from "@/lib/env";
import { issueFormToken } from "@/lib/security/form-token";
import { appSecret } from "@/lib/security/secrets";

// API clients get the same kind of token a rendered form carries: it must be
// at least FORM_MIN_FILL_SECONDS old when used, and makes retries idempotent.
export function POST(): Response {
  return Response.json(
    { formToken: issueFormToken({ secret: appSecret() }), minFillSeconds: getEnv().FORM_MIN_FILL_SECONDS },
    { status: 201, headers: { "Cache-Control": "no-store" } },
  );
}
