import type { TimelineEntry } from "@/lib/triage/record/get-inquiry-timeline";
import { formatClinicTime } from "./format-clinic-time";

export function TimelinePanel({ timeline, timeZone }: { timeline: TimelineEntry[]; timeZone: string }) {
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <ol className="timeline" reversed>
        {timeline.map((entry, index) => (
          <li key={`${entry.at.toISOString()}-${index}`}>
            <time dateTime={entry.at.toISOString()}>{formatClinicTime(entry.at, timeZone)}</time>
            <span className="timeline-who">{entry.who}</span>
            <span>
              {entry.what}
              {entry.count > 1 && entry.until ? ` (${entry.count} times, last ${formatClinicTime(entry.until, timeZone)})` : ""}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
