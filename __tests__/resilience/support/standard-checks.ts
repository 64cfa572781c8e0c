import type { Check } from "@/scripts/write-reliability-report";
import type { EmailCheck } from "./check-email-delivery";
import type { StorageCheck } from "./check-storage";
import type { SubmissionRecord } from "./submission-client";

// The properties every load scenario must keep, whatever failure it injects.
export const STANDARD_CHECKS = [
  "every submission was eventually acknowledged with 201",
  "zero lost: every 201 has its row, with that submission's data",
  "zero duplicates: one row per submission, one submission per reference code",
  "no answer other than 201, a clear 503 or a dropped connection",
  "every 503 is problem+json with the clinic's phone number and nothing internal",
  "every outbox row was delivered (none failed, none left pending) within the bounded wait",
  "exactly one email per inquiry (distinct Message-IDs), and no stray email",
] as const;

function sum(records: readonly SubmissionRecord[], pick: (record: SubmissionRecord) => number): number {
  return records.reduce((total, record) => total + pick(record), 0);
}

function examples(items: readonly string[]): string {
  return items.length === 0 ? "" : `${items.length}: ${items.slice(0, 5).join("; ")}${items.length > 5 ? "; …" : ""}`;
}

export function standardFigures(records: readonly SubmissionRecord[], storage: StorageCheck, email: EmailCheck): Record<string, number> {
  return {
    submissions: records.length,
    "accepted (201)": records.filter((r) => r.referenceCode).length,
    "503 answers": sum(records, (r) => r.outcomes["503"] ?? 0),
    "dropped connections / refused": sum(records, (r) => r.outcomes.network ?? 0),
    "retries (POSTs after the first)": sum(records, (r) => Math.max(0, r.attempts - 1)),
    "other answers (4xx, other 5xx)": sum(records, (r) => r.unexpected.length),
    "clients that gave up": records.filter((r) => r.gaveUp).length,
    "rows stored": storage.rowsStored,
    lost: storage.lost.length,
    "duplicate rows": storage.duplicateRows,
    "rows matching no submission": storage.strayRows,
    "retries answered from a row stored by a failed attempt": storage.storedBeforeAFailedAttempt,
    notifications: email.notifications,
    "notifications needing more than one claim": email.notificationsRetried,
    "most claims of one notification": email.maxAttempts,
    "notifications FAILED / unfinished": email.notificationsFailed + email.notificationsUnfinished,
    "emails received": email.emailsReceived,
    "distinct Message-IDs": email.distinctMessageIds,
    "redeliveries (same Message-ID again)": email.redeliveries,
    "inquiries without email": email.inquiriesWithoutEmail.length,
    "inquiries with more than one distinct email": email.inquiriesWithSeveralEmails.length,
    "stray emails": email.strayEmails.length,
  };
}

export function standardChecks(records: readonly SubmissionRecord[], storage: StorageCheck, email: EmailCheck): Check[] {
  const unacknowledged = records.filter((r) => !r.referenceCode).map((r) => `#${r.index} ${JSON.stringify(r.outcomes)}`);
  const unexpected = records.flatMap((r) => r.unexpected.map((u) => `#${r.index} ${u}`));
  const bad503 = records.flatMap((r) => r.unavailableFaults.map((f) => `#${r.index} ${f}`));
  const duplicates = [
    ...(storage.duplicateRows > 0 ? [`${storage.duplicateRows} extra row(s) for one phone number`] : []),
    ...(storage.sharedReferenceCodes > 0 ? [`${storage.sharedReferenceCodes} reference code(s) given to two submissions`] : []),
    ...(storage.strayRows > 0 ? [`${storage.strayRows} row(s) matching no submission`] : []),
  ];
  const [acknowledged, lost, dupes, answers, clear503] = STANDARD_CHECKS;
  return [
    { name: acknowledged, passed: unacknowledged.length === 0, evidence: examples(unacknowledged) },
    { name: lost, passed: storage.lost.length === 0, evidence: examples(storage.lost) },
    { name: dupes, passed: duplicates.length === 0, evidence: duplicates.join("; ") },
    { name: answers, passed: unexpected.length === 0, evidence: examples(unexpected) },
    { name: clear503, passed: bad503.length === 0, evidence: examples(bad503) },
    ...emailChecks(email),
  ];
}

export const EMAIL_CHECKS = [STANDARD_CHECKS[5], STANDARD_CHECKS[6]] as const;

/** Every outbox row delivered, and exactly one distinct email per inquiry. */
export function emailChecks(email: EmailCheck): Check[] {
  const undelivered = email.notificationsFailed + email.notificationsUnfinished;
  const wrongEmail = [
    ...email.inquiriesWithoutEmail.map((code) => `${code}: no email`),
    ...email.inquiriesWithSeveralEmails.map((code) => `${code}: several distinct emails`),
    ...email.strayEmails,
  ];
  const [delivered, exactlyOnce] = EMAIL_CHECKS;
  return [
    {
      name: delivered,
      passed: undelivered === 0 && email.deliveredWithinMs !== undefined,
      evidence: `${email.notificationsFailed} FAILED, ${email.notificationsUnfinished} pending or sending`,
    },
    { name: exactlyOnce, passed: wrongEmail.length === 0, evidence: examples(wrongEmail) },
  ];
}
