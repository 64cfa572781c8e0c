// Times on the detail page are shown on the clinic's clocks (the triage
// settings' time zone), with the zone named, so a coordinator working from
// elsewhere reads the same times as the call-back slots.
export function formatClinicTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    month: "short",
    day: "numeric",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(date);
}
