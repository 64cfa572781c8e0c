// Whether an instant falls in one of the times of day the person said suit
// them (the form's MORNING 8–12, AFTERNOON 12–17, EVENING 17–20), on the
// clinic's clock. No preference means any time.
const WINDOWS: Record<string, readonly [number, number]> = { MORNING: [8, 12], AFTERNOON: [12, 17], EVENING: [17, 20] };

export function isInPreferredWindow(options: { bestTimes: readonly string[]; at: Date; timeZone: string }): boolean {
  if (options.bestTimes.length === 0) return true;
  const hour = Number(new Intl.DateTimeFormat("en-US", { timeZone: options.timeZone, hour: "numeric", hourCycle: "h23" }).format(options.at));
  return options.bestTimes.some((time) => {
    const window = WINDOWS[time];
    return window !== undefined && hour >= window[0] && hour < window[1];
  });
}
