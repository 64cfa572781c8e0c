import { LOCALE_LIST } from "@/lib/i18n/locales";

// Wording shared by the inbox, its search results and the "due now" view.
// Pure functions: the server renders with them and the ticking client cells
// re-render with them, so both agree.

export const LANGUAGE_LABELS: Record<string, string> = Object.fromEntries(LOCALE_LIST.map((entry) => [entry.code, entry.englishName]));

// The same windows the public form offers (lib/i18n/messages/en.json,
// "bestTimes"), in the clinic's time zone.
export const BEST_TIME_LABELS: Record<string, string> = {
  MORNING: "Morning (8–12)",
  AFTERNOON: "Afternoon (12–5)",
  EVENING: "Evening (5–8)",
};

export function formatBestTimes(bestTimes: readonly string[]): string {
  return bestTimes.length === 0 ? "Any time" : bestTimes.map((time) => BEST_TIME_LABELS[time] ?? time).join(", ");
}

export function formatMinutes(total: number): string {
  const minutes = Math.max(0, Math.round(total));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days`;
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
