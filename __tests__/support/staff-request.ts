import type { StaffRequest } from "@/lib/auth/staff-request";

// A staff request as the domain functions see it, carrying the cookies a
// browser would send back. `absorb` keeps what Set-Cookie headers set (and
// drops what they expire), like a browser's cookie jar for one site.
export class StaffBrowser {
  private readonly jar = new Map<string, string>();

  constructor(readonly ipAddress = "198.51.100.7") {}

  absorb(setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair = "", ...attributes] = line.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  request(): StaffRequest {
    const headers = new Headers({ "user-agent": "jest", "x-forwarded-for": this.ipAddress });
    if (this.jar.size > 0) headers.set("cookie", [...this.jar].map(([name, value]) => `${name}=${value}`).join("; "));
    return { headers, ipAddress: this.ipAddress, userAgent: "jest" };
  }
}
