// How hard the proof of work is, from how far past its threshold the load is.
// The cost doubles each time the load doubles past the threshold, so a person
// at a busy moment waits about a second while a flood pays in proportion to
// its own size; it is capped so that a person on an old phone still gets
// through at the worst of it. Pure: the caller reads the counters.

export type LoadReading = { points: number | null; threshold: number };

export function challengeCostFor(options: { loads: LoadReading[]; baseCost: number; maxCost: number }): number {
  const ratio = Math.max(1, ...options.loads.map(loadRatio));
  const doublings = Math.floor(Math.log2(ratio));
  return Math.min(options.maxCost, Math.max(options.baseCost, options.baseCost * 2 ** Math.min(doublings, 40)));
}

// A threshold of 0 means "always ask": the base cost, however few arrived.
function loadRatio(load: LoadReading): number {
  if (load.points === null) return 0;
  return load.points / Math.max(1, load.threshold);
}
