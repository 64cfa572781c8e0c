import type { ResponseClock } from "@/lib/triage/clock/response-clock";
import { formatMinutes } from "@/lib/triage/clock/format-minutes";
import { formatClinicTime } from "./format-clinic-time";

function summary(clock: ResponseClock): string {
  switch (clock.state) {
    case "running":
      return `${formatMinutes(clock.minutes)} left for a first contact`;
    case "overdue":
      return `First contact overdue by ${formatMinutes(clock.minutes)}`;
    case "met":
      return `First contact after ${formatMinutes(clock.minutes)}: within the target`;
    case "missed":
      return `First contact after ${formatMinutes(clock.minutes)}: past the target`;
  }
}

// Minutes are business minutes (the workspace's opening hours and zone).
export function ResponseClockPanel(props: { clock: ResponseClock; receivedAt: Date; targetMinutes: number; timeZone: string }) {
  const late = props.clock.state === "overdue" || props.clock.state === "missed";
  return (
    <section aria-labelledby="clock-heading" className="panel">
      <h2 id="clock-heading">Response clock</h2>
      <p className={late ? "clock clock--late" : "clock"}>{summary(props.clock)}</p>
      <p className="note">
        Received {formatClinicTime(props.receivedAt, props.timeZone)}. Target: first contact within {formatMinutes(props.targetMinutes)} of
        business time, by {formatClinicTime(props.clock.deadline, props.timeZone)}.
      </p>
    </section>
  );
}
