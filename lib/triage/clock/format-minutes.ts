// Durations as staff read them, worded the same on the inbox, the detail
// page and the reports: "12 min", "3 h", "3 h 05 min", "2 d", "2 d 4 h".
// Minutes after hours are zero-padded so a ticking clock keeps its width; a
// sign is the caller's to word ("overdue by …", "… left").
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return "–";
  const whole = Math.abs(Math.round(minutes));
  if (whole < 60) return `${whole} min`;
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours < 48) return rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, "0")} min`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`;
}
