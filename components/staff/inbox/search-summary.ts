import type { SearchKind } from "@/lib/triage/inbox/resolve-inbox-search";

const KIND_WORDS: Record<SearchKind, string> = { reference: "reference code", phone: "phone number", email: "email address", name: "first name" };

// One short sentence for the search's status region; the table itself is not
// read out on every search.
export function searchSummary(found: { kinds: readonly SearchKind[]; count: number; more: boolean }): string {
  const what = found.kinds.map((kind) => KIND_WORDS[kind]).join(" or ");
  if (found.count === 0) return `No inquiry matches that ${what}.`;
  const count = found.more ? `The first ${found.count} inquiries` : found.count === 1 ? "1 inquiry" : `${found.count} inquiries`;
  return `${count} match${found.count === 1 && !found.more ? "es" : ""} that ${what}.${found.more ? " There are more: try a more specific search." : ""}`;
}
