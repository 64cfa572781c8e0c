import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import Link from "next/link";
import { NewInquiryForm } from "@/components/staff/new-inquiry/NewInquiryForm";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { messagesFor } from "@/lib/i18n/messages";
import { getTriageSettings } from "@/lib/triage/settings/triage-settings";
import { zoneOffsetMs } from "@/lib/triage/clock/zone-offset";
import { FIRST_CONTACT_MAX_AGE_DAYS } from "@/lib/validations/inquiry-options";
import { enterInquiryAction } from "./actions";
import { loadReferralSourceOptions } from "@/lib/inquiries/referral-source-options";

export const metadata: Metadata = { title: "New inquiry" };

// "2026-12-06T09:30": an instant as <input type="datetime-local"> shows it,
// on the clinic's clocks.
function wallTime(instant: Date, timeZone: string): string {
  return new Date(instant.getTime() + zoneOffsetMs(instant.getTime(), timeZone)).toISOString().slice(0, 16);
}

// Coordinators and admins enter an inquiry that came by phone, in person or
// from a referral partner. Opening the form reads no record, so it is not an
// audited view; saving is audited (inquiry.created_by_staff).
export default async function NewInquiryPage() {
  await requireStaffPage();
  const { timeZone } = await getTriageSettings();
  // The active sources, as the public form offers them (the staff area is in English).
  const sources = await loadReferralSourceOptions("en");
  const now = new Date();
  return (
    <>
      <p>
        <Link href="/staff/inquiries">Back to the inbox</Link>
      </p>
      <h1>New inquiry</h1>
      <p>For a phone call, a walk-in or a referral from a partner. It is stored, encrypted and audited exactly like an inquiry from the web form.</p>
      <NewInquiryForm
        enter={enterInquiryAction}
        formNonce={randomUUID()}
        defaultReceivedAt={wallTime(now, timeZone)}
        oldestReceivedAt={wallTime(new Date(now.getTime() - FIRST_CONTACT_MAX_AGE_DAYS * 86_400_000), timeZone)}
        timeZone={timeZone}
        heardAboutOptions={sources.map((source) => ({ value: source.code, label: source.label }))}
        consentText={{ en: messagesFor("en").form.consent.label, es: messagesFor("es").form.consent.label }}
      />
    </>
  );
}
