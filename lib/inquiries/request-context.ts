import "server-only";
import { getEnv } from "@/lib/env";
import { clientAddress } from "@/lib/security/client-address";
import type { SubmissionRequest } from "@/lib/inquiries/submit-inquiry";

// The request facts submitInquiry needs, read the same way for the server
// action and the HTTP API.
export function submissionRequestFrom(headers: Headers, locale: string): SubmissionRequest {
  return {
    ip: clientAddress({ forwardedFor: headers.get("x-forwarded-for"), trustedProxyHops: getEnv().TRUST_PROXY_HOPS }),
    userAgent: headers.get("user-agent"),
    locale,
  };
}
