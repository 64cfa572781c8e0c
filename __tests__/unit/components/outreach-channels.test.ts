import type { ConsentSubject } from "@/lib/db/generated/enums";
import type { ConsentEntry, InquiryConsents } from "@/lib/triage/record/read-current-consents";
import { outreachChannels } from "@/components/staff/detail/outreach-channels";

function consents(granted: Partial<Record<ConsentSubject, boolean>>): InquiryConsents {
  const entries: ConsentEntry[] = Object.entries(granted).map(([subject, value]) => ({
    subject: subject as ConsentSubject,
    granted: value,
    consentTextVersion: "v1",
    recordedAt: new Date("2026-12-01T10:00:00Z"),
  }));
  return { current: new Map(entries.map((entry) => [entry.subject, entry])), history: entries };
}

const base = { phone: "+15555550123", requesterType: "SELF" as const, personAware: null };

describe("outreach links", () => {
  it("offers tel: only with CALL consent and sms: only with TEXT consent", () => {
    expect(outreachChannels({ ...base, consents: consents({ CALL: true, TEXT: false }) }).channels.map((c) => c.href)).toEqual(["tel:+15555550123"]);
    expect(outreachChannels({ ...base, consents: consents({ CALL: false, TEXT: true }) }).channels.map((c) => c.href)).toEqual(["sms:+15555550123"]);
    expect(outreachChannels({ ...base, consents: consents({}) }).channels).toEqual([]);
    // A later withdrawal is the current record.
    expect(outreachChannels({ ...base, consents: consents({ CALL: false }) }).notOffered).toContain("No consent to phone calls: no call link.");
  });

  it("warns about voicemail and the programme's name unless both were agreed", () => {
    const [call] = outreachChannels({ ...base, consents: consents({ CALL: true }) }).channels;
    expect(call?.cautions).toEqual(["No voicemail — do not leave a message.", "Do not name the programme."]);
    expect(call?.outcomes.map((o) => o.value)).toEqual(["CALL:REACHED", "CALL:NO_ANSWER", "CALL:WRONG_NUMBER"]);
    const [relaxed] = outreachChannels({ ...base, consents: consents({ CALL: true, VOICEMAIL: true, NAME_PROGRAMME: true }) }).channels;
    expect(relaxed?.cautions).toEqual(["Voicemail allowed: generic message only (no programme name, no reason for the call)."]);
    expect(relaxed?.outcomes.map((o) => o.value)).toContain("VOICEMAIL:LEFT_MESSAGE");
  });

  it("adds the on-someone's-behalf caution, and offers nothing without a phone number", () => {
    const [call] = outreachChannels({ ...base, requesterType: "LOVED_ONE", personAware: "NO", consents: consents({ CALL: true, NAME_PROGRAMME: true, VOICEMAIL: true }) }).channels;
    expect(call?.cautions).toContain("Asked on someone else's behalf: do not mention the request to anyone who answers.");
    expect(outreachChannels({ ...base, phone: null, consents: consents({ CALL: true, TEXT: true }) })).toEqual({ channels: [], notOffered: ["No phone number: no call or text link."] });
  });
});
