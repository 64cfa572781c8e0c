import { zoneOffsetMs } from "@/lib/triage/clock/zone-offset";

// A follow-up typed into <input type="datetime-local"> ("2026-12-01T10:30")
// means that time on the clinic's clocks, whatever zone the coordinator's
// browser is in. The zone's offset is taken at that very moment, so dates
// either side of a daylight-saving change come out right. A time inside the
// hour skipped in spring moves forward past the gap (02:30 → 03:30), and a
// time that occurs twice in autumn is its first occurrence, as Temporal's
// "compatible" disambiguation does.
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

export function instantFromWallTime(wallTime: string, timeZone: string): Date | null {
  const match = WALL_TIME.exec(wallTime);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  // Refuse dates that do not exist (31 November) instead of rolling over.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  const readsBack = (instant: number) => instant + zoneOffsetMs(instant, timeZone) === wall;
  const first = wall - zoneOffsetMs(wall, timeZone);
  const second = wall - zoneOffsetMs(first, timeZone);
  if (readsBack(second)) return new Date(second);
  if (readsBack(first)) return new Date(first);
  return new Date(Math.max(first, second));
}
