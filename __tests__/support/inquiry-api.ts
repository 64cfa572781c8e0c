import { POST } from "@/app/api/v1/inquiries/route";
import { issueFormToken } from "@/lib/security/form-token";
import { appSecret } from "@/lib/security/secrets";

// Calls the real route handler with a real Request, as Next.js would.
export async function postInquiry(
  body: unknown,
  options: { formToken?: string; ip?: string; origin?: string; rawBody?: string; altcha?: string; website?: string } = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const request = new Request("http://localhost:3000/api/v1/inquiries", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-forwarded-for": options.ip ?? "203.0.113.7",
      "user-agent": "jest",
      ...(options.origin ? { origin: options.origin } : {}),
    },
    body:
      options.rawBody ??
      JSON.stringify({ formToken: options.formToken ?? freshFormToken(), inquiry: body, altcha: options.altcha, website: options.website }),
  });
  const response = await POST(request);
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

export function freshFormToken(): string {
  return issueFormToken({ secret: appSecret() });
}
