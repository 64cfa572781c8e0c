import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { StaffContext } from "@/lib/auth/require-staff";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { InboxRow } from "@/lib/triage/inbox/inbox-row";
import { fetchInboxPage } from "@/lib/triage/inbox/fetch-inbox-page";
import { resolveInboxSearch, type SearchCriteria, type SearchKind } from "@/lib/triage/inbox/resolve-inbox-search";

export const SEARCH_RESULT_LIMIT = 50;

export type InboxSearchResult = { ok: true; kinds: SearchKind[]; rows: InboxRow[]; more: boolean } | { ok: false; message: string };

// Finds inquiries by reference code, exact phone, exact email or first name,
// in every stage, through unique or hashed columns only (each has an index:
// referenceCode's unique index, phoneHash, emailHash, firstNameHash). Telling
// a coordinator "this phone number has an inquiry, K7Q3-M9TD" discloses
// something about a person, so each search is audited (which kinds were
// looked up and which inquiries came back; never the term itself).
export async function searchInquiries(options: { term: string; staff: StaffContext }): Promise<InboxSearchResult> {
  const resolved = resolveInboxSearch(options.term);
  if (!resolved.ok) return resolved;
  const page = await fetchInboxPage({ where: { anonymisedAt: null, OR: matchAny(resolved.criteria) }, limit: SEARCH_RESULT_LIMIT });
  await getDb().$transaction((tx) =>
    recordAuditEvent({
      tx,
      actorType: "STAFF",
      actorId: options.staff.user.id,
      action: "inquiry.searched",
      ipAddress: options.staff.request.ipAddress,
      request: { ipHash: null, userAgent: options.staff.request.userAgent },
      metadata: { kinds: resolved.kinds, matches: page.rows.length, inquiryIds: page.rows.map((row) => row.id) },
    }),
  );
  return { ok: true, kinds: resolved.kinds, rows: page.rows, more: page.next !== null };
}

function matchAny(criteria: SearchCriteria): Prisma.InquiryWhereInput[] {
  return [
    ...(criteria.referenceCode ? [{ referenceCode: criteria.referenceCode }] : []),
    ...(criteria.phoneHash ? [{ phoneHash: criteria.phoneHash }] : []),
    ...(criteria.emailHash ? [{ emailHash: criteria.emailHash }] : []),
    ...(criteria.firstNameHash ? [{ firstNameHash: criteria.firstNameHash }] : []),
  ];
}
