import { Client } from "pg";
import { fieldErrorsOf } from "@/lib/actions/action-state";
import { SEED_CLINIC_VALUES } from "@/lib/clinic/clinic-details";
import { loadClinicDetails } from "@/lib/clinic/load-clinic-details";
import { saveClinicDetails } from "@/lib/clinic/save-clinic-details";
import { disconnectDb } from "@/lib/db/client";
import { LOCALES } from "@/lib/i18n/locales";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { StaffNotActiveError } from "@/lib/triage/access/triage-errors";
import { ClinicDetailsSchema, clinicDetailsFromFormData, clinicFieldDepth, clinicFormValues, type ClinicDetailsValues } from "@/lib/validations/clinic-details";
import { setAppEnvironment } from "@/__tests__/support/app-environment";
import { createStaffMember } from "@/__tests__/support/triage-admin-fixtures";
import { onTestDatabaseTeardown, provideTestDatabase } from "@/__tests__/support/test-database";
import { validInquiry } from "@/__tests__/support/valid-inquiry";

// Issue 12: admins edit the clinic's public details in Settings; every page
// reads them per request, and a page can always show a phone number.
const database = provideTestDatabase();
let sql: Client;
let admin: TriageActor;
let coordinator: TriageActor;

beforeAll(async () => {
  setAppEnvironment({ MAIL_SINK_DIR: "/tmp/iop-clinic-details-test-mail" });
  sql = new Client({ connectionString: database.url });
  await sql.connect();
  admin = await createStaffMember(sql, { role: "admin", ip: "198.51.100.67" });
  coordinator = await createStaffMember(sql, { role: "coordinator" });
});
onTestDatabaseTeardown(async () => {
  await sql.end();
  await disconnectDb();
});

// The settings form as an admin would post it, from the seed with `changes`.
function formData(changes: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries({ ...clinicFormValues(SEED_CLINIC_VALUES), ...changes })) form.set(name, value);
  return form;
}

function parse(changes: Record<string, string>): ClinicDetailsValues {
  return ClinicDetailsSchema.parse(clinicDetailsFromFormData(formData(changes)));
}

async function auditEvents() {
  const { rows } = await sql.query(`SELECT "actorId", "metadata" FROM "AuditEvent" WHERE "action" = 'clinic.details.updated' ORDER BY "id"`);
  return rows as { actorId: string; metadata: { changed: string[] } }[];
}

async function storedRows(): Promise<number> {
  const { rows } = await sql.query<{ n: string }>(`SELECT count(*) AS n FROM "ClinicDetails"`);
  return Number(rows[0]?.n);
}

describe("clinic details", () => {
  it("are the seed (clinic.json) until an admin saves any", async () => {
    expect(await storedRows()).toBe(0);
    for (const locale of LOCALES) {
      const details = await loadClinicDetails(locale);
      expect(details).toMatchObject({ phone: SEED_CLINIC_VALUES.phone, name: SEED_CLINIC_VALUES.name, hours: SEED_CLINIC_VALUES.localised[locale].hours });
    }
  });

  it("refuses a bad phone and an empty name field by field, and nothing changes", async () => {
    const result = ClinicDetailsSchema.safeParse(
      clinicDetailsFromFormData(formData({ phone: "call us", name: " \u200b ", "localised.es.programmeSummary": "\n\n", email: "intake@" })),
    );
    expect(result.success).toBe(false);
    const errors = fieldErrorsOf(result.error!, clinicFieldDepth);
    expect(Object.keys(errors).sort()).toEqual(["email", "localised.es.programmeSummary", "name", "phone"]);
    expect(errors.phone).toMatch(/international format/);
    expect(errors.name).toMatch(/clinic's name/);
    expect(await storedRows()).toBe(0);
    expect(await auditEvents()).toEqual([]);
    expect((await loadClinicDetails("en")).phone).toBe(SEED_CLINIC_VALUES.phone);
  });

  it("are saved by an admin only, audited by changed field names without values, and read at once", async () => {
    const values = parse({
      phone: "+1-555-0199",
      phoneDisplay: "(555) 555-0199",
      "localised.en.programmeSummary": "A new first paragraph.\n\n  A second   one.  ",
      "localised.es.programmeSummary": "Un párrafo nuevo.",
    });
    await expect(saveClinicDetails({ admin: coordinator, values })).rejects.toBeInstanceOf(StaffNotActiveError);
    expect(await storedRows()).toBe(0);

    expect(await saveClinicDetails({ admin, values })).toEqual({ changed: ["phone", "phoneDisplay", "programmeSummary.en", "programmeSummary.es"] });
    const events = await auditEvents();
    expect(events).toEqual([{ actorId: admin.user.id, metadata: { changed: ["phone", "phoneDisplay", "programmeSummary.en", "programmeSummary.es"] } }]);
    expect(JSON.stringify(events)).not.toMatch(/0199|párrafo|paragraph/);

    const en = await loadClinicDetails("en");
    expect(en).toMatchObject({ phone: "+1-555-0199", phoneDisplay: "(555) 555-0199", phoneHref: "tel:+15550199" });
    expect(en.programmeSummary).toEqual(["A new first paragraph.", "A second one."]);
    expect((await loadClinicDetails("es")).programmeSummary).toEqual(["Un párrafo nuevo."]);
    expect((await loadClinicDetails("es")).hours).toBe(SEED_CLINIC_VALUES.localised.es.hours);

    // Saving the same again changes nothing and records nothing.
    expect(await saveClinicDetails({ admin, values })).toEqual({ changed: [] });
    expect(await auditEvents()).toHaveLength(1);
  });

  it("saved by another app instance show on this one's next read (nothing cached to invalidate)", async () => {
    // What another instance's save does to the shared database.
    await sql.query(`UPDATE "ClinicDetails" SET "phone" = '+1-555-0177', "phoneDisplay" = '(555) 555-0177' WHERE "id" = 1`);
    expect((await loadClinicDetails("en")).phoneDisplay).toBe("(555) 555-0177");
    // A fresh process (a second instance starting) reads the same.
    jest.resetModules();
    const fresh = await import("@/lib/clinic/load-clinic-details");
    expect((await fresh.loadClinicDetails("es")).phoneDisplay).toBe("(555) 555-0177");
    const { disconnectDb: disconnectFresh } = await import("@/lib/db/client");
    await disconnectFresh();
  });

  it("fall back to the last known details, else the seed, when the database cannot be reached", async () => {
    expect((await loadClinicDetails("en")).phone).toBe("+1-555-0177");
    const url = new URL(database.url);
    url.port = "1";
    await disconnectDb();
    const original = process.env.DATABASE_URL;
    jest.resetModules();
    process.env.DATABASE_URL = url.toString();
    try {
      // This process read the stored details before: it shows those.
      const broken = await import("@/lib/clinic/load-clinic-details");
      const started = Date.now();
      expect((await broken.loadClinicDetails("es")).phoneDisplay).toBe("(555) 555-0177");
      expect(Date.now() - started).toBeLessThan(5000);
      expect(broken.lastKnownClinicDetails("en").phone).toBe("+1-555-0177");
      // The API's "could not save, please call" answer names that phone.
      const { POST } = await import("@/app/api/v1/inquiries/route");
      const { issueFormToken } = await import("@/lib/security/form-token");
      const { appSecret } = await import("@/lib/security/secrets");
      const response = await POST(
        new Request("http://localhost:3000/api/v1/inquiries", {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": "192.0.2.98" },
          body: JSON.stringify({ formToken: issueFormToken({ secret: appSecret() }), inquiry: validInquiry() }),
        }),
      );
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ phone: "+1-555-0177" });
      // A process that never read them (started while the database was down): the seed.
      delete (globalThis as { iopClinicDetails?: unknown }).iopClinicDetails;
      expect((await broken.loadClinicDetails("en")).phone).toBe(SEED_CLINIC_VALUES.phone);
      expect(broken.lastKnownClinicDetails("es").phoneDisplay).toBe(SEED_CLINIC_VALUES.phoneDisplay);
      const { disconnectDb: disconnectBroken } = await import("@/lib/db/client");
      await disconnectBroken();
    } finally {
      process.env.DATABASE_URL = original;
    }
  });

  it("with a stored row the API's failure answer names the stored phone", async () => {
    jest.resetModules();
    const fresh = await import("@/lib/clinic/load-clinic-details");
    expect((await fresh.loadClinicDetails("en")).phone).toBe("+1-555-0177");
    const { postInquiry: postFresh } = await import("@/__tests__/support/inquiry-api");
    const owner = new Client({ connectionString: database.ownerUrl });
    await owner.connect();
    await owner.query(`ALTER TABLE "AuditEvent" ADD CONSTRAINT test_refuse_all CHECK (false) NOT VALID`);
    try {
      const response = await postFresh(validInquiry({ phone: "212-555-0501" }), { ip: "192.0.2.78" });
      expect(response.status).toBe(503);
      expect(response.json).toMatchObject({ phone: "+1-555-0177" });
      expect(String(response.json.detail)).toContain("+1-555-0177");
    } finally {
      await owner.query(`ALTER TABLE "AuditEvent" DROP CONSTRAINT test_refuse_all`);
      await owner.end();
    }
    const { disconnectDb: disconnectFresh } = await import("@/lib/db/client");
    await disconnectFresh();
  });
});
