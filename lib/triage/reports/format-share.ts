// A share of a whole as people read it in the reports: "42%", or "–" when
// there is nothing to share out.
export function formatShare(part: number, whole: number): string {
  return whole === 0 ? "–" : `${Math.round((part / whole) * 100)}%`;
}
