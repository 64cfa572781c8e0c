import { loadEnv, minimalEnv } from "@/__tests__/unit/fixtures/env";

// Production (`npm start`, a production worker): nothing is filled in, nothing weakened.
function productionEnv(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return minimalEnv({
    NODE_ENV: "production",
    MAIL_SINK_DIR: undefined,
    SMTP_URL: "smtp://user:pw@mail.example.org:587",
    PUBLIC_URL: "https://intake.example.org",
    ...overrides,
  });
}

async function errorFor(overrides: Record<string, string | undefined>): Promise<string> {
  const result = await loadEnv(productionEnv(overrides));
  if (result.ok) throw new Error(`expected getEnv to fail for ${JSON.stringify(overrides)}`);
  return result.message;
}

describe("getEnv in production", () => {
  it("accepts a complete configuration", async () => {
    const result = await loadEnv(productionEnv());
    expect(result.ok && result.env.PUBLIC_URL).toBe("https://intake.example.org");
  });

  it.each(["DATABASE_URL", "SMTP_URL", "INTAKE_NOTIFY_TO", "PUBLIC_URL", "FIELD_ENCRYPTION_KEY", "LOOKUP_HMAC_KEY", "APP_SECRET"])(
    "refuses to run without %s, naming it once",
    async (name) => {
      const message = await errorFor({ [name]: undefined });
      expect(message.match(new RegExp(`^ {2}${name}: is not set`, "gm"))).toHaveLength(1);
    },
  );

  it("names every missing variable in one message", async () => {
    const message = await loadEnv({ NODE_ENV: "production" });
    expect(message.ok).toBe(false);
    if (message.ok) return;
    for (const name of ["DATABASE_URL", "SMTP_URL", "INTAKE_NOTIFY_TO", "PUBLIC_URL", "FIELD_ENCRYPTION_KEY", "LOOKUP_HMAC_KEY", "APP_SECRET"]) {
      expect(message.message).toMatch(new RegExp(`^ {2}${name}: `, "m"));
    }
  });

  it("refuses the development mail folder", async () => {
    expect(await errorFor({ MAIL_SINK_DIR: ".data/mail" })).toMatch(/^ {2}MAIL_SINK_DIR: must not be set in production/m);
  });

  it.each([
    "smtp://mail.example.org:587?tls.rejectUnauthorized=false",
    "smtps://mail.example.org?ignoreTLS=true",
    "smtp://mail.example.org:587?requireTLS=false",
  ])("refuses SMTP options in the query string: %s", async (SMTP_URL) => {
    expect(await errorFor({ SMTP_URL })).toMatch(/^ {2}SMTP_URL: must not carry options/m);
  });

  it.each([
    ["sslmode=no-verify"],
    ["uselibpqcompat=true&sslmode=require"],
    ["uselibpqcompat=true&sslmode=prefer"],
  ])("refuses a DATABASE_URL that does not verify the server certificate (%s)", async (query) => {
    expect(await errorFor({ DATABASE_URL: `postgresql://app@db.internal/iop?${query}` })).toMatch(/^ {2}DATABASE_URL: sslmode=/m);
  });

  it.each(["sslmode=verify-full", "sslmode=require", "sslmode=disable", "sslmode=verify-full&sslrootcert=/etc/ssl/db-ca.pem"])(
    "accepts DATABASE_URL with %s (pg 8 verifies the certificate for require too)",
    async (query) => {
      const result = await loadEnv(productionEnv({ DATABASE_URL: `postgresql://app@db.internal/iop?${query}` }));
      expect(result.ok).toBe(true);
    },
  );

  it.each([
    ["NODE_TLS_REJECT_UNAUTHORIZED", "0"],
    ["PGSSLMODE", "no-verify"],
  ])("refuses %s=%s, which turns certificate checks off", async (name, value) => {
    expect(await errorFor({ [name]: value })).toMatch(new RegExp(`^ {2}${name}: `, "m"));
  });

  it("refuses TRUSTED_PROXY_CIDRS that are not networks", async () => {
    expect(await errorFor({ TRUSTED_PROXY_CIDRS: "10.0.0.0/8, proxy.internal" })).toMatch(/^ {2}TRUSTED_PROXY_CIDRS: /m);
  });

  it("keeps development's fallbacks outside production", async () => {
    const result = await loadEnv(minimalEnv({ NODE_ENV: "development" }));
    expect(result.ok && result.env.PUBLIC_URL).toBe("http://localhost:3000");
  });
});
