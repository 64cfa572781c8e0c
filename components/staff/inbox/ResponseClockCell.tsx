"use client";

import { formatMinutes } from "@/lib/triage/clock/format-minutes";
import type { ClockSettings } from "@/components/staff/inbox/inbox-types";
import { useNow } from "@/components/staff/inbox/use-now";
import { businessMinutesBetween } from "@/lib/triage/clock/business-hours";
import { responseClock } from "@/lib/triage/clock/response-clock";

// Time to first contact, or time left / overdue while nobody has made
// contact, in business minutes (lib/triage/clock/response-clock.ts). Recomputed as
// the page stays open, so "3 min left" turns into "overdue" without a reload.
// Business time is counted day by day, so an inquiry nobody has contacted for
// weeks would cost milliseconds per tick: past a week it just says so.
const LONG_WAIT_MS = 7 * 86_400_000;

export function ResponseClockCell(props: { receivedAt: string; firstContactAt: string | null; open: boolean; clock: ClockSettings; serverNowMs: number }) {
  const now = useNow(props.serverNowMs);
  if (!props.firstContactAt && !props.open) return <span className="clock clock--closed">Closed before contact</span>;
  const receivedMs = Date.parse(props.receivedAt);
  const longWait = !props.firstContactAt && now - receivedMs > LONG_WAIT_MS;
  const clock = responseClock({
    receivedAt: new Date(receivedMs),
    firstContactAt: props.firstContactAt ? new Date(props.firstContactAt) : null,
    now: new Date(longWait ? receivedMs + LONG_WAIT_MS : now),
    targetMinutes: props.clock.targetMinutes,
    timeZone: props.clock.timeZone,
    hours: props.clock.hours,
    closedDates: props.clock.closedDates,
  });
  if (longWait) return <strong className="clock clock--overdue">Waiting · {clock.state === "overdue" ? "overdue, " : ""}over a week</strong>;
  switch (clock.state) {
    case "running": {
      // Outside business hours the clock stands still; say so, or "15 min
      // left" at 6 a.m. would read as a countdown that does not move.
      const paused = businessMinutesBetween({ from: new Date(now), to: new Date(now + 60_000), timeZone: props.clock.timeZone, hours: props.clock.hours, closedDates: props.clock.closedDates }) === 0;
      return (
        <span className="clock clock--running">
          Waiting · {formatMinutes(clock.minutes)} left{paused ? " (paused outside business hours)" : ""}
        </span>
      );
    }
    case "overdue":
      return <strong className="clock clock--overdue">Waiting · overdue by {formatMinutes(-clock.minutes)}</strong>;
    case "met":
      return <span className="clock clock--met">Contacted in {formatMinutes(clock.minutes)} (on time)</span>;
    case "missed":
      return <span className="clock clock--missed">Contacted in {formatMinutes(clock.minutes)} (late)</span>;
  }
}
