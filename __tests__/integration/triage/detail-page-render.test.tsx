import { renderToStaticMarkup } from "react-dom/server";
import { DetailActionsProvider, type DetailActions } from "@/components/staff/detail/detail-actions";
import { InquiryDetailView } from "@/components/staff/detail/InquiryDetailView";
import { disconnectDb } from "@/lib/db/client";
import type { StaffContext } from "@/lib/auth/require-staff";
import { getInquiryDetail } from "@/lib/triage/record/get-inquiry-detail";
import { logContactAttempt } from "@/lib/triage/pipeline/log-contact-attempt";
import { responseClock } from "@/lib/triage/clock/response-clock";
import { getTriageSettings } from "@/lib/triage/settings/triage-settings";
import { setAppEnvironment } from "@/__tests__/support/app-environment";
import { onTestDatabaseTeardown, provideTestDatabase } from "@/__tests__/support/test-database";
import { addStaffMember, submitTestInquiry } from "@/__tests__/support/triage-detail-fixtures";

provideTestDatabase();
beforeAll(() => setAppEnvironment({ MAIL_SINK_DIR: "/tmp/iop-test-mail-unused" }));
onTestDatabaseTeardown(() => disconnectDb());

// A static render posts nothing: the page's server actions are not needed.
const notPosted = async () => null;
const NO_ACTIONS: DetailActions = {
  changeStage: notPosted,
  closeInquiry: notPosted,
  assign: notPosted,
  logAttempt: notPosted,
  continueAttempts: notPosted,
  addNote: notPosted,
  editNote: notPosted,
  resolveDuplicate: notPosted,
  recordEhrConsent: notPosted,
  saveCoverage: notPosted,
  recordVerification: notPosted,
};

// The page's markup as the server renders it, from a real detail read.
async function renderDetail(inquiryId: string, staff: StaffContext): Promise<string> {
  const settings = await getTriageSettings();
  const detail = await getInquiryDetail({ actor: staff, inquiryId });
  const clock = responseClock({
    receivedAt: detail.record.createdAt,
    firstContactAt: detail.record.firstContactAt,
    now: new Date(),
    targetMinutes: settings.firstContactTargetMinutes,
    timeZone: settings.timeZone,
    hours: settings.businessHours,
  });
  return renderToStaticMarkup(
    <DetailActionsProvider actions={NO_ACTIONS}>
      <InquiryDetailView detail={detail} staff={staff} settings={settings} clock={clock} />
    </DetailActionsProvider>,
  );
}

async function staffContext(): Promise<StaffContext> {
  const actor = await addStaffMember({ name: "Casey" });
  const now = new Date();
  return { ...actor, session: { id: "s", createdAt: now, lastActiveAt: now, idleExpiresAt: now } };
}

it("puts the discreet-contact preferences before any phone number or email address", async () => {
  const staff = await staffContext();
  const { id } = await submitTestInquiry({ okToLeaveVoicemail: false, okToNameProgramme: false });
  const html = await renderDetail(id, staff);
  const discreet = html.indexOf("Before you contact anyone");
  expect(discreet).toBeGreaterThan(-1);
  for (const flag of ["No voicemail", "Do not name the programme", "the person does not know about this request"]) {
    expect(html.indexOf(flag)).toBeGreaterThan(discreet);
  }
  for (const contact of ["+12125550142", "zephyrine.private@example.org"]) {
    expect(html.indexOf(contact)).toBeGreaterThan(html.indexOf("Do not name the programme"));
  }
  expect(html).toContain("2026-12-06.en-es.1");
});

it("shows every answer, the referral rule, and offers only consented channels", async () => {
  const staff = await staffContext();
  const { id } = await submitTestInquiry({ okToLeaveVoicemail: false, okToText: true });
  await logContactAttempt({ actor: staff, inquiryId: id, channel: "CALL", outcome: "NO_ANSWER", nextFollowUpAt: null });
  const html = await renderDetail(id, staff);
  for (const answer of ["Zephyrine", "Bartholomew Quill", "older brother", "afraid of withdrawal", "Friend or family", "42 CFR §2.13"]) {
    expect(html).toContain(answer);
  }
  expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Voicemail left \(generic\)<\/button>/);
  expect(html).toMatch(/<button[^>]*value="TEXT:LEFT_MESSAGE"(?![^>]*\sdisabled=)[^>]*>Text sent<\/button>/);
  expect(html).toContain("Called: no answer");
});

it("uses no inline style attributes (the CSP forbids them)", async () => {
  const staff = await staffContext();
  const { id, referenceCode } = await submitTestInquiry();
  const html = await renderDetail(id, staff);
  expect(html).not.toMatch(/\sstyle=/);
  expect(html).toContain(`Inquiry ${referenceCode}`);
});
