import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { DetailActionsProvider, type DetailActions } from "@/components/staff/detail/detail-actions";
import { InquiryDetailView } from "@/components/staff/detail/InquiryDetailView";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { listClosedDates } from "@/lib/triage/closures/list-closed-dates";
import { readInquiryInsurance } from "@/lib/insurance/read-inquiry-insurance";
import { getInquiryDetail, type InquiryDetail } from "@/lib/triage/record/get-inquiry-detail";
import { responseClock } from "@/lib/triage/clock/response-clock";
import { InquiryNotFoundError, StaffNotActiveError } from "@/lib/triage/access/triage-errors";
import { getTriageSettings } from "@/lib/triage/settings/triage-settings";
import "@/components/staff/detail/detail.css";
import {
  addNoteAction,
  assignAction,
  changeStageAction,
  closeInquiryAction,
  continueAttemptsAction,
  editNoteAction,
  logAttemptAction,
  recordEhrConsentAction,
  recordVerificationAction,
  resolveDuplicateAction,
  saveCoverageAction,
} from "./actions";

// Handed to the panels (components never import from app/).
const ACTIONS: DetailActions = {
  changeStage: changeStageAction,
  closeInquiry: closeInquiryAction,
  assign: assignAction,
  logAttempt: logAttemptAction,
  continueAttempts: continueAttemptsAction,
  addNote: addNoteAction,
  editNote: editNoteAction,
  resolveDuplicate: resolveDuplicateAction,
  recordEhrConsent: recordEhrConsentAction,
  saveCoverage: saveCoverageAction,
  recordVerification: recordVerificationAction,
};

// Neutral, like every page title: no reference code, nothing about the person.
export const metadata: Metadata = { title: "Inquiry" };

type Props = { params: Promise<{ id: string }> };

// Each render is one audited view ("inquiry.viewed", written with the read),
// including the re-render after a change made on this page. loading.tsx stops
// link prefetching above this component, so hovering a link in the inbox
// does not count as opening the record.
export default async function InquiryDetailPage({ params }: Props) {
  const staff = await requireStaffPage();
  const [{ id }, settings, closedDates] = await Promise.all([params, getTriageSettings(), listClosedDates()]);
  let detail: InquiryDetail;
  try {
    detail = await getInquiryDetail({ actor: staff, inquiryId: id });
  } catch (error) {
    if (error instanceof InquiryNotFoundError) notFound();
    if (error instanceof StaffNotActiveError) redirect("/staff/sign-in");
    throw error;
  }
  // After the audited read above, which covers the insurance too.
  const insurance = await readInquiryInsurance({ inquiryId: detail.record.id });
  const clock = responseClock({
    receivedAt: detail.record.createdAt,
    firstContactAt: detail.record.firstContactAt,
    now: new Date(),
    targetMinutes: settings.firstContactTargetMinutes,
    timeZone: settings.timeZone,
    hours: settings.businessHours,
    closedDates,
  });
  return (
    <DetailActionsProvider actions={ACTIONS}>
      <InquiryDetailView detail={detail} staff={staff} settings={settings} clock={clock} insurance={insurance} />
    </DetailActionsProvider>
  );
}
