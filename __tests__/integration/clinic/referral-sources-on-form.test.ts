import { Client } from "pg";
import { disconnectDb } from "@/lib/db/client";
import { loadReferralSourceOptions } from "@/lib/inquiries/referral-source-options";
import { saveReferralSource } from "@/lib/triage/settings/save-referral-source";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { setAppEnvironment } from "@/__tests__/support/app-environment";
import { postInquiry } from "@/__tests__/support/inquiry-api";
import { createStaffMember } from "@/__tests__/support/triage-admin-fixtures";
import { onTestDatabaseTeardown, provideTestDatabase } from "@/__tests__/support/test-database";
import { validInquiry } from "@/__tests__/support/valid-inquiry";

// Issue 12: a referral source an admin adds is offered by the public form on
// its next load and accepted by the real submit path; a retired one is not.
const database = provideTestDatabase();
let sql: Client;
let admin: TriageActor;

beforeAll(async () => {
  setAppEnvironment({ MAIL_SINK_DIR: "/tmp/iop-referral-form-test-mail", RATE_LIMIT_IP_MAX: "1000" });
  sql = new Client({ connectionString: database.url });
  await sql.connect();
  admin = await createStaffMember(sql, { role: "admin" });
});
onTestDatabaseTeardown(async () => {
  await sql.end();
  await disconnectDb();
});

async function storedHeardAbout(referenceCode: unknown): Promise<unknown> {
  const { rows } = await sql.query(`SELECT "heardAbout" FROM "Inquiry" WHERE "referenceCode" = $1`, [referenceCode]);
  return rows[0]?.heardAbout;
}

describe("referral sources on the public form", () => {
  it("offers the built-in ones translated, 'something else' last", async () => {
    const es = await loadReferralSourceOptions("es");
    expect(es[0]).toEqual({ code: "SEARCH", label: "Búsqueda en internet" });
    expect(es.at(-1)?.code).toBe("OTHER");
    expect(es).toHaveLength(9);
  });

  it("offers and accepts a source an admin adds, and refuses it once retired", async () => {
    const unknown = await postInquiry(validInquiry({ heardAbout: "DRUG_COURT" }), { ip: "192.0.2.10" });
    expect(unknown.status).toBe(422);
    expect(unknown.json.errors).toEqual([expect.objectContaining({ field: "heardAbout", code: "heardAbout.invalid" })]);

    const { code } = await saveReferralSource({ admin, command: { command: "add", label: "Drug court" } });
    expect(code).toBe("DRUG_COURT");
    for (const locale of ["en", "es"] as const) {
      const options = await loadReferralSourceOptions(locale);
      expect(options.map((option) => option.code).slice(-2)).toEqual(["DRUG_COURT", "OTHER"]);
      expect(options).toContainEqual({ code: "DRUG_COURT", label: "Drug court" });
    }

    const accepted = await postInquiry(validInquiry({ heardAbout: "DRUG_COURT" }), { ip: "192.0.2.11" });
    expect(accepted.status).toBe(201);
    expect(await storedHeardAbout(accepted.json.referenceCode)).toBe("DRUG_COURT");

    await saveReferralSource({ admin, command: { command: "deactivate", code: "DRUG_COURT" } });
    expect((await loadReferralSourceOptions("en")).map((option) => option.code)).not.toContain("DRUG_COURT");
    const retired = await postInquiry(validInquiry({ heardAbout: "DRUG_COURT", phone: "212-555-0143" }), { ip: "192.0.2.12" });
    expect(retired.status).toBe(422);
    expect(retired.json.errors).toEqual([expect.objectContaining({ field: "heardAbout", code: "heardAbout.invalid" })]);
  });

  it("refuses a retired built-in source too, and still accepts no answer", async () => {
    await saveReferralSource({ admin, command: { command: "deactivate", code: "EMPLOYER" } });
    const retired = await postInquiry(validInquiry({ heardAbout: "EMPLOYER", phone: "212-555-0144" }), { ip: "192.0.2.13" });
    expect(retired.status).toBe(422);
    const none = await postInquiry(validInquiry({ heardAbout: undefined, phone: "212-555-0145" }), { ip: "192.0.2.14" });
    expect(none.status).toBe(201);
  });
});
