import "server-only";
import { AppError } from "@/lib/actions/app-error";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { assertAdmin } from "@/lib/triage/access/assert-admin";
import { buildInboxWhere } from "@/lib/triage/inbox/build-inbox-where";
import { csvLine } from "@/lib/triage/export/csv-cell";
import { CHANNEL_LABELS } from "@/lib/triage/record/inquiry-channel-labels";
import { localDate } from "@/lib/triage/clock/local-date";
import { recordAdminAuditEvent } from "@/lib/triage/access/record-admin-audit-event";
import type { TriageActor } from "@/lib/triage/access/triage-actor";
import { getTriageSettings } from "@/lib/triage/settings/triage-settings";
import { EXPORT_COLUMNS, type ExportColumn, type InquiryExportRequest } from "@/lib/validations/inquiry-export";
import { LOCALE_LIST } from "@/lib/i18n/locales";

export const MAX_EXPORT_ROWS = 50_000;

export class ExportRefusedError extends AppError {}

// Plain operational columns only; getDb() omits the ciphertext columns from
// every query anyway, and nothing here is decrypted.
const FACTS = {
  referenceCode: true,
  createdAt: true,
  status: true,
  urgency: true,
  preferredLanguage: true,
  preferredContactMethod: true,
  heardAbout: true,
  channel: true,
  firstContactAt: true,
  unsuccessfulAttempts: true,
  closedAt: true,
  legalHold: true,
  exitReason: { select: { label: true } },
  assignee: { select: { name: true } },
} as const satisfies Prisma.InquirySelect;
type Facts = Prisma.InquiryGetPayload<{ select: typeof FACTS }>;
type Labels = { stages: Map<string, string>; sources: Map<string, string> };

const LANGUAGE_NAMES: Record<string, string> = Object.fromEntries(LOCALE_LIST.map((entry) => [entry.code, entry.englishName]));
const iso = (date: Date | null) => (date ? date.toISOString() : null);

const VALUE_OF: Record<ExportColumn, (row: Facts, labels: Labels) => string | number | null> = {
  referenceCode: (row) => row.referenceCode,
  receivedAt: (row) => iso(row.createdAt),
  stage: (row, labels) => labels.stages.get(row.status) ?? row.status,
  exitReason: (row) => row.exitReason?.label ?? null,
  urgency: (row) => (row.urgency === "URGENT" ? "Urgent" : "Routine"),
  preferredLanguage: (row) => LANGUAGE_NAMES[row.preferredLanguage] ?? row.preferredLanguage,
  preferredContactMethod: (row) => row.preferredContactMethod.toLowerCase(),
  referralSource: (row, labels) => (row.heardAbout ? (labels.sources.get(row.heardAbout) ?? row.heardAbout) : null),
  channel: (row) => CHANNEL_LABELS[row.channel],
  assignee: (row) => row.assignee?.name ?? null,
  firstContactAt: (row) => iso(row.firstContactAt),
  unsuccessfulAttempts: (row) => row.unsuccessfulAttempts,
  closedAt: (row) => iso(row.closedAt),
  legalHold: (row) => (row.legalHold ? "yes" : "no"),
};

// The inbox's filtered list as CSV, for admins, with only the chosen columns.
// Read and audited in one repeatable-read transaction, so the audit entry's
// count is exactly the number of rows in the file. Too large a list is
// refused rather than cut short: a silently truncated export misleads.
export async function exportInquiries(options: {
  admin: TriageActor;
  request: InquiryExportRequest;
  now?: Date;
  maxRows?: number;
}): Promise<{ csv: string; count: number; filename: string }> {
  const { admin, request } = options;
  const maxRows = options.maxRows ?? MAX_EXPORT_ROWS;
  const { timeZone } = await getTriageSettings();
  const where = buildInboxWhere({ filter: request.filter, viewerId: admin.user.id, timeZone });
  return getDb().$transaction(
    async (tx) => {
      await assertAdmin({ tx, userId: admin.user.id });
      const count = await tx.inquiry.count({ where });
      if (count > maxRows) {
        throw new ExportRefusedError(`${count} inquiries match; an export holds at most ${maxRows}. Narrow the filter (a shorter date range, say).`);
      }
      const [rows, stages, sources] = await Promise.all([
        tx.inquiry.findMany({ where, select: FACTS, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
        tx.pipelineStage.findMany({ select: { stage: true, label: true } }),
        tx.referralSource.findMany({ select: { code: true, label: true } }),
      ]);
      const labels = { stages: new Map(stages.map((s) => [s.stage, s.label])), sources: new Map(sources.map((s) => [s.code, s.label])) };
      const lines = [csvLine(request.columns.map((column) => EXPORT_COLUMNS[column]))];
      for (const row of rows) lines.push(csvLine(request.columns.map((column) => VALUE_OF[column](row, labels))));
      await recordAdminAuditEvent({
        tx,
        actor: admin,
        action: "inquiry.exported",
        metadata: { category: request.category, filter: definedOnly(request.filter), columns: request.columns, count: rows.length },
      });
      // A byte-order mark, so spreadsheet programs read the labels as UTF-8.
      return { csv: `\uFEFF${lines.join("")}`, count: rows.length, filename: `inquiries-${localDate(options.now ?? new Date(), timeZone)}.csv` };
    },
    { isolationLevel: "RepeatableRead", timeout: 60_000 },
  );
}

function definedOnly(filter: InquiryExportRequest["filter"]): Record<string, string> {
  return Object.fromEntries(Object.entries(filter).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}
