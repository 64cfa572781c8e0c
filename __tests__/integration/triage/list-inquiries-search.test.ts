import { Client } from "pg";
import type { StaffContext } from "@/lib/auth/require-staff";
import { disconnectDb, getDb } from "@/lib/db/client";
import { searchInquiries } from "@/lib/triage/inbox/search-inquiries";
import { setAppEnvironment } from "@/__tests__/support/app-environment";
import { addCoordinator, insertInquiry, submitInquiry } from "@/__tests__/support/inbox-fixtures";
import { onTestDatabaseTeardown, provideTestDatabase } from "@/__tests__/support/test-database";

const database = provideTestDatabase();
onTestDatabaseTeardown(() => disconnectDb());

let casey: StaffContext;
let zephyrine: { id: string; referenceCode: string };
let jose: { id: string; referenceCode: string };
let margaret: { id: string; referenceCode: string };

beforeAll(async () => {
  setAppEnvironment({ MAIL_SINK_DIR: "/tmp/iop-test-mail-unused" });
  casey = await addCoordinator("Casey");
  zephyrine = await submitInquiry();
  jose = await submitInquiry({ firstName: "José-Luis", phone: "+44 20 7946 0958", email: "jl@example.org" });
  margaret = await submitInquiry({ firstName: "Margaret", phone: "", email: "m@example.org", preferredContactMethod: "EMAIL" });
  // Closed long ago: search still finds it (it looks in every stage).
  await getDb().inquiry.update({ where: { id: zephyrine.id }, data: { status: "ADMITTED", closedAt: new Date() } });
});

async function found(term: string): Promise<string[]> {
  const result = await searchInquiries({ term, staff: casey });
  if (!result.ok) throw new Error(result.message);
  return result.rows.map((row) => row.id).sort();
}

it("finds by reference code, with or without the hyphen, in any case", async () => {
  expect(await found(zephyrine.referenceCode)).toEqual([zephyrine.id]);
  expect(await found(zephyrine.referenceCode.toLowerCase().replace("-", ""))).toEqual([zephyrine.id]);
});

it("finds by exact phone number, however it is written (normalised like the form)", async () => {
  for (const phone of ["(212) 555-0142", "212.555.0142", "+1 212 555 0142", "12125550142"]) expect(await found(phone)).toEqual([zephyrine.id]);
  expect(await found("+442079460958")).toEqual([jose.id]);
  expect(await found("212-555-0143")).toEqual([]);
});

it("finds by exact email address, whatever the case", async () => {
  expect(await found("zephyrine.private@EXAMPLE.org")).toEqual([zephyrine.id]);
  expect(await found(" JL@example.org ".trim())).toEqual([jose.id]);
  expect(await found("zephyrine@example.org")).toEqual([]);
});

it("finds by first name through its keyed hash: case, accents and punctuation ignored, no partial match", async () => {
  expect(await found("zephyrine")).toEqual([zephyrine.id]);
  expect(await found("jose luis")).toEqual([jose.id]);
  expect(await found("JOSÉ-LUIS")).toEqual([jose.id]);
  expect(await found("jose")).toEqual([]);
  expect(await found("zeph")).toEqual([]);
});

it("looks an eight-letter word up both as a code and as a name", async () => {
  const result = await searchInquiries({ term: "Margaret", staff: casey });
  expect(result).toMatchObject({ ok: true, kinds: ["reference", "name"] });
  expect(await found("MARGARET")).toEqual([margaret.id]);
});

it("explains a term that cannot be a phone number or an email address", async () => {
  expect(await searchInquiries({ term: "555-01", staff: casey })).toEqual({ ok: false, message: expect.stringContaining("phone number") });
  expect(await searchInquiries({ term: "someone@", staff: casey })).toEqual({ ok: false, message: expect.stringContaining("email address") });
});

it("stores no plaintext to search: names, phones and emails are only hashes", async () => {
  const sql = new Client({ connectionString: database.url });
  await sql.connect();
  try {
    const { rows } = await sql.query<{ firstNameHash: string | null; phoneHash: string | null }>(
      `SELECT "firstNameHash", "phoneHash" FROM "Inquiry" WHERE id = $1`,
      [jose.id],
    );
    expect(rows[0]?.firstNameHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toMatch(/jose|luis|2079460958/i);
  } finally {
    await sql.end();
  }
});

it("never lists an anonymised inquiry", async () => {
  const gone = await insertInquiry({ referenceCode: "XXXX-9999" });
  expect(await found(gone.referenceCode)).toEqual([gone.id]);
  await getDb().inquiry.update({ where: { id: gone.id }, data: { anonymisedAt: new Date() } });
  expect(await found(gone.referenceCode)).toEqual([]);
});

it("records each search once: who, from where, which kinds and which inquiries came back, never the term", async () => {
  const before = await getDb().auditEvent.count({ where: { action: "inquiry.searched" } });
  await searchInquiries({ term: "+44 20 7946 0958", staff: casey });
  const events = await getDb().auditEvent.findMany({ where: { action: "inquiry.searched" }, orderBy: { id: "desc" }, take: 1 });
  expect(await getDb().auditEvent.count({ where: { action: "inquiry.searched" } })).toBe(before + 1);
  expect(events[0]).toMatchObject({
    actorType: "STAFF",
    actorId: casey.user.id,
    ipAddress: "198.51.100.23",
    metadata: { kinds: ["phone"], matches: 1, inquiryIds: [jose.id] },
  });
  expect(JSON.stringify(events[0]?.metadata)).not.toMatch(/7946|0958/);
});
