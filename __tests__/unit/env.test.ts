import { loadEnv, minimalEnv, withEnv } from "@/__tests__/unit/fixtures/env";
import { keyBase64, keySpec } from "@/__tests__/unit/fixtures/keys";

async function errorFor(overrides: Record<string, string | undefined>): Promise<string> {
  const result = await loadEnv(minimalEnv(overrides));
  if (result.ok) throw new Error(`expected getEnv to fail for ${JSON.stringify(overrides)}`);
  return result.message;
}

describe("getEnv", () => {
  it("parses a minimal environment and fills the defaults", async () => {
    const result = await loadEnv(minimalEnv());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.env).toEqual({
      NODE_ENV: "development",
      DATABASE_URL: "postgresql://intake@127.0.0.1:5432/iop_intake",
      DATABASE_POOL_MAX: 10,
      MAIL_SINK_DIR: ".data/mail",
      MAIL_FROM: "Intake notifications <no-reply@localhost>",
      INTAKE_NOTIFY_TO: ["intake@example.org"],
      PUBLIC_URL: "http://localhost:3000",
      FIELD_ENCRYPTION_KEY: keySpec("k1", 1),
      FIELD_ENCRYPTION_PREVIOUS_KEYS: "",
      LOOKUP_HMAC_KEY: keyBase64(2),
      APP_SECRET: keyBase64(3),
      FORM_MIN_FILL_SECONDS: 3,
      RATE_LIMIT_IP_MAX: 10,
      RATE_LIMIT_IP_WINDOW_SECONDS: 3600,
      STAFF_IDLE_TIMEOUT_MINUTES: 15,
      RATE_LIMIT_GLOBAL_MAX: 300,
      RATE_LIMIT_GLOBAL_WINDOW_SECONDS: 60,
      RATE_LIMIT_IPV4_PREFIX: 24,
      RATE_LIMIT_IPV6_PREFIX: 64,
      CHALLENGE_BASE_COST: 20_000,
      CHALLENGE_MAX_COST: 1_000_000,
      CHALLENGE_TTL_SECONDS: 600,
      FORM_TOKEN_MINT_MAX: 30,
      FORM_TOKEN_MINT_WINDOW_SECONDS: 600,
      TRUST_PROXY_HOPS: 0,
      REQUEST_METADATA_RETENTION_HOURS: 24,
      TRUSTED_PROXY_CIDRS: "",
      NOTIFY_MAX_ATTEMPTS: 10,
      NOTIFY_POLL_MS: 1000,
      NOTIFY_RETRY_BASE_MS: 5000,
      NOTIFY_LEASE_SECONDS: 120,
      WORKER_IN_PROCESS: true,
      WEBHOOK_PAUSE_AFTER_FAILURES: 20,
      WEBHOOK_PAUSE_AFTER_MINUTES: 60,
      FHIR_EXPORT_BEFORE_ADMISSION: false,
      EMBED_ALLOWED_ORIGINS: "",
      LOG_LEVEL: "info",
      READY_OUTBOX_MAX_AGE_SECONDS: 900,
      READY_OUTBOX_MAX_FAILED: 0,
    });
  });

  it("coerces numbers, flags and address lists", async () => {
    const result = await loadEnv(
      minimalEnv({
        DATABASE_URL: "postgres://intake:pw@db.internal:6543/intake?sslmode=require",
        SMTP_URL: "smtps://user:pw@mail.example.org:465",
        MAIL_SINK_DIR: undefined,
        INTAKE_NOTIFY_TO: " a@example.org, b@example.org ,",
        TRUST_PROXY_HOPS: "2",
        FORM_MIN_FILL_SECONDS: "0",
        WORKER_IN_PROCESS: "false",
        NODE_ENV: "production",
        PUBLIC_URL: "https://intake.example.org",
      }),
    );
    expect(result.ok && result.env).toMatchObject({
      DATABASE_URL: "postgres://intake:pw@db.internal:6543/intake?sslmode=require",
      SMTP_URL: "smtps://user:pw@mail.example.org:465",
      INTAKE_NOTIFY_TO: ["a@example.org", "b@example.org"],
      TRUST_PROXY_HOPS: 2,
      FORM_MIN_FILL_SECONDS: 0,
      WORKER_IN_PROCESS: false,
      NODE_ENV: "production",
    });
  });

  it("ignores unrelated variables", async () => {
    const result = await loadEnv(minimalEnv({ PATH: "/usr/bin", HOME: "/root" }));
    expect(result.ok).toBe(true);
    expect(result.ok && Object.keys(result.env)).not.toContain("PATH");
  });

  it("parses once and caches the result", async () => {
    await withEnv(minimalEnv(), async () => {
      const { getEnv } = await import("@/lib/env");
      const first = getEnv();
      process.env.PUBLIC_URL = "https://changed.example";
      expect(getEnv()).toBe(first);
      expect(getEnv().PUBLIC_URL).toBe("http://localhost:3000");
    });
  });

  it("leaves process.env as it found it (the helper isolates tests)", async () => {
    const snapshot = { ...process.env };
    await loadEnv(minimalEnv({ MAIL_FROM: "Only inside the helper <a@b.example>" }));
    expect({ ...process.env }).toEqual(snapshot);
  });

  describe("names the variable when it is wrong", () => {
    it.each([
      ["not a URL", "not a url"],
      ["a MySQL URL", "mysql://intake@127.0.0.1/iop"],
      ["an HTTP URL", "http://127.0.0.1:5432/iop"],
      ["empty", ""],
      ["missing", undefined],
    ])("DATABASE_URL %s", async (_label, DATABASE_URL) => {
      const message = await errorFor({ DATABASE_URL });
      expect(message).toMatch(/^Invalid environment configuration:\n/);
      expect(message).toMatch(/^ {2}DATABASE_URL: /m);
    });

    it("neither SMTP_URL nor MAIL_SINK_DIR", async () => {
      const message = await errorFor({ MAIL_SINK_DIR: undefined, SMTP_URL: undefined });
      expect(message).toContain("SMTP_URL");
      expect(message).toContain("MAIL_SINK_DIR");
    });

    it("an SMTP_URL that is not smtp(s)", async () => {
      expect(await errorFor({ SMTP_URL: "http://mail.example.org" })).toMatch(/^ {2}SMTP_URL: /m);
    });

    it.each([
      ["16 bytes", keyBase64(3, 16)],
      ["31 bytes", keyBase64(3, 31)],
      ["empty", ""],
      ["missing", undefined],
    ])("APP_SECRET of %s", async (_label, APP_SECRET) => {
      expect(await errorFor({ APP_SECRET })).toMatch(/^ {2}APP_SECRET: /m);
    });

    it("a short LOOKUP_HMAC_KEY", async () => {
      expect(await errorFor({ LOOKUP_HMAC_KEY: keyBase64(2, 16) })).toMatch(/^ {2}LOOKUP_HMAC_KEY: .*32 bytes/m);
    });

    it.each([
      ["without an id", keyBase64(1)],
      ["with an empty id", `:${keyBase64(1)}`],
      ["with an id containing a dot", `k.1:${keyBase64(1)}`],
      ["with a non-base64 key", "k1:not base64!"],
      ["missing", undefined],
    ])("FIELD_ENCRYPTION_KEY %s", async (_label, FIELD_ENCRYPTION_KEY) => {
      expect(await errorFor({ FIELD_ENCRYPTION_KEY })).toMatch(/^ {2}FIELD_ENCRYPTION_KEY: /m);
    });

    it("a FIELD_ENCRYPTION_KEY that is not 32 bytes, at start-up rather than at the first encryption", async () => {
      expect(await errorFor({ FIELD_ENCRYPTION_KEY: keySpec("k1", 1, 16) })).toMatch(/FIELD_ENCRYPTION_KEY/);
    });

    it.each([
      ["not an address", "intake"],
      ["one bad address among good ones", "a@example.org,intake"],
      ["empty", ""],
      ["only separators", " , "],
      ["missing", undefined],
    ])("INTAKE_NOTIFY_TO %s", async (_label, INTAKE_NOTIFY_TO) => {
      expect(await errorFor({ INTAKE_NOTIFY_TO })).toMatch(/^ {2}INTAKE_NOTIFY_TO(\.\d+)?: /m);
    });

    it.each([
      ["TRUST_PROXY_HOPS", "6"],
      ["TRUST_PROXY_HOPS", "-1"],
      ["REQUEST_METADATA_RETENTION_HOURS", "0"],
      ["REQUEST_METADATA_RETENTION_HOURS", "721"],
      ["DATABASE_POOL_MAX", "0"],
      ["DATABASE_POOL_MAX", "ten"],
      ["FORM_MIN_FILL_SECONDS", "61"],
      ["NOTIFY_MAX_ATTEMPTS", "1.5"],
      ["WORKER_IN_PROCESS", "yes"],
      ["LOG_LEVEL", "verbose"],
      ["NODE_ENV", "staging"],
      ["PUBLIC_URL", "help.example.org"],
    ])("%s=%j", async (name, value) => {
      expect(await errorFor({ [name]: value })).toMatch(new RegExp(`^ {2}${name}: `, "m"));
    });
  });

  it("reports every bad variable at once", async () => {
    const message = await errorFor({ DATABASE_URL: "nope", APP_SECRET: "c2hvcnQ=" });
    expect(message).toMatch(/^ {2}DATABASE_URL: /m);
    expect(message).toMatch(/^ {2}APP_SECRET: /m);
  });

  it("does not echo secret values in its message", async () => {
    const secret = keyBase64(3, 16);
    const message = await errorFor({ APP_SECRET: secret, DATABASE_URL: "mysql://intake:hunter2@db/iop" });
    expect(message).not.toContain(secret);
    expect(message).not.toContain("hunter2");
  });
});

describe("getKeyring", () => {
  it("builds the key ring from FIELD_ENCRYPTION_KEY and FIELD_ENCRYPTION_PREVIOUS_KEYS", async () => {
    const vars = minimalEnv({ FIELD_ENCRYPTION_KEY: keySpec("k2", 2), FIELD_ENCRYPTION_PREVIOUS_KEYS: keySpec("k1", 1) });
    await withEnv(vars, async () => {
      const { getKeyring } = await import("@/lib/crypto/keyring");
      const ring = getKeyring();
      expect(ring.active.id).toBe("k2");
      expect([...ring.byId.keys()].sort()).toEqual(["k1", "k2"]);
      expect(getKeyring()).toBe(ring);
    });
  });
});
