import "server-only";
import { headers } from "next/headers";
import { getEnv } from "@/lib/env";
import { clientAddress } from "@/lib/security/client-address";

export type StaffRequest = { headers: Headers; ipAddress: string; userAgent: string | null };

// The facts about the current request that staff auditing and throttling
// need. A staff member's address is not patient data, so it is kept as is.
export async function readStaffRequest(): Promise<StaffRequest> {
  const requestHeaders = await headers();
  return {
    headers: requestHeaders,
    ipAddress: clientAddress({
      forwardedFor: requestHeaders.get("x-forwarded-for"),
      trustedProxyHops: getEnv().TRUST_PROXY_HOPS,
    }).slice(0, 45),
    userAgent: requestHeaders.get("user-agent"),
  };
}
