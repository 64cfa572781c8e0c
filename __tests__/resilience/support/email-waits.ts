import type { ReceivedMail } from "./mail-sink";
import type { SubmissionRecord } from "./submission-client";

/**
 * The longest time from a 201 to the arrival of that inquiry's email, over
 * all inquiries and over urgent ones ("[Urgent]" subjects): how long staff
 * could have been unaware of a request. Reported, never asserted (the machine
 * is shared and loaded on purpose).
 */
export function longestEmailWaits(records: readonly SubmissionRecord[], mails: readonly ReceivedMail[]): Record<string, number> {
  const acceptedAt = new Map(records.flatMap((r) => (r.referenceCode && r.acceptedAt ? [[r.referenceCode, r.acceptedAt] as const] : [])));
  let all = 0;
  let urgent = 0;
  const seen = new Set<string>();
  for (const mail of mails) {
    const code = mail.subject.split(" ").at(-1) ?? "";
    const accepted = acceptedAt.get(code);
    if (accepted === undefined || seen.has(code)) continue;
    seen.add(code);
    const wait = Math.max(0, mail.receivedAt - accepted);
    all = Math.max(all, wait);
    if (mail.subject.startsWith("[Urgent]")) urgent = Math.max(urgent, wait);
  }
  return { "longest wait from a 201 to its email": all / 1000, "longest wait for an urgent inquiry's email": urgent / 1000 };
}
