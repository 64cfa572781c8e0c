// Wording shared by the inbox, its search results and the "due now" view.
// Pure functions: the server renders with them and the ticking client cells
// re-render with them, so both agree.

import { BEST_TIME_LABELS } from "@/components/staff/detail/answer-labels";
import { formatMinutes } from "@/lib/triage/clock/format-minutes";

export function formatBestTimes(bestTimes: readonly string[]): string {
  return bestTimes.length === 0 ? "Any time" : bestTimes.map((time) => BEST_TIME_LABELS[time] ?? time).join(", ");
}

export function formatRelative(atMs: number, nowMs: number): string {
  const minutes = Math.floor(Math.abs(nowMs - atMs) / 60_000);
  if (minutes < 1) return "just now";
  return atMs > nowMs ? `in ${formatMinutes(minutes)}` : `${formatMinutes(minutes)} ago`;
}

export function formatExact(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(date);
}
