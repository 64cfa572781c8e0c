import { clinicContent } from "@/lib/clinic/clinic-content";
import { invitationEmail } from "@/lib/auth/invitations/invitation-email";

// The invitation mail: who it is from and a link whose token sits in the URL
// fragment (never sent to a server, so never in access logs or Referer
// headers). Like every email the app sends, it names no programme focus.
const TOKEN = "q3Jt0x-_Ab9ZkLmNoPqRsTuVwXyZ0123456789abcde";
const EXPIRES = new Date("2026-12-01T17:30:00Z");
const CLINICAL_WORDS = ["addiction", "substance", "rehab", "treatment", "iop", "drug", "alcohol", "recovery", "detox", "overdose", "withdrawal", "opioid"];

function email(overrides: Partial<Parameters<typeof invitationEmail>[0]> = {}) {
  return invitationEmail({ publicUrl: "https://intake.clinic.example", token: TOKEN, role: "coordinator", expiresAt: EXPIRES, ...overrides });
}

function links(text: string): URL[] {
  return (text.match(/https?:\/\/\S+/g) ?? []).map((link) => new URL(link));
}

describe("invitationEmail", () => {
  it("links to the invitation page with the token in the fragment only", () => {
    const [link, ...others] = links(email().text);
    expect(others).toEqual([]);
    expect(link?.href).toBe(`https://intake.clinic.example/staff/invitation#token=${TOKEN}`);
    expect(link?.search).toBe("");
    expect(link?.pathname).not.toContain(TOKEN);
    expect(link?.hash).toBe(`#token=${TOKEN}`);
  });

  it("puts the token nowhere else, and never in the subject", () => {
    const { subject, text } = email();
    expect(subject).not.toContain(TOKEN);
    expect(text.split(TOKEN)).toHaveLength(2);
  });

  it.each([
    ["https://intake.clinic.example/", "https://intake.clinic.example/staff/invitation"],
    ["https://clinic.example/intake", "https://clinic.example/intake/staff/invitation"],
    ["https://clinic.example/intake/", "https://clinic.example/intake/staff/invitation"],
  ])("joins the public URL %j without a double slash", (publicUrl, page) => {
    expect(links(email({ publicUrl }).text)[0]?.href).toBe(`${page}#token=${TOKEN}`);
  });

  it("names the clinic in the subject, and nothing clinical", () => {
    const { subject } = email();
    expect(subject).toBe(`Your ${clinicContent.name} staff account`);
    for (const word of CLINICAL_WORDS) expect(subject.toLowerCase()).not.toContain(word);
  });

  it("names no clinical focus or programme in the body", () => {
    const body = email().text.replace(TOKEN, "").toLowerCase();
    for (const word of CLINICAL_WORDS) expect(body).not.toContain(word);
    for (const programme of [clinicContent.programme.en.name, clinicContent.programme.es.name]) expect(body).not.toContain(programme.toLowerCase());
  });

  it("says which role the invitation is for", () => {
    expect(email({ role: "coordinator" }).text).toContain("as an intake coordinator.");
    expect(email({ role: "admin" }).text).toContain("as an administrator.");
  });

  it("says the link works once and when it expires, in UTC", () => {
    expect(email().text).toContain("The link works once and expires on Tue, 01 Dec 2026 17:30:00 GMT.");
  });

  it("tells someone who did not expect it to ignore it", () => {
    expect(email().text).toContain("If you did not expect this message, ignore it.");
  });
});
