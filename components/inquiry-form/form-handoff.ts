import { FIELD_ORDER, STEPS, type StepId } from "@/components/inquiry-form/steps";

// Carries the form's answers, and the step the person was on, across a
// language switch, which is a page load. Written only at the moment of
// switching and removed as soon as it is read, in sessionStorage (this tab
// only, gone when it closes), so answers do not linger on a shared device.
const KEY = "iop-form-handoff";

export type Handoff = { values: Record<string, unknown>; step: StepId };

export function saveHandoff(handoff: Handoff): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(handoff));
  } catch {
    // storage disabled (private mode): the switch simply starts a fresh form
  }
}

export function takeHandoff(): Handoff | undefined {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    window.sessionStorage.removeItem(KEY);
    return raw ? parseHandoff(JSON.parse(raw)) : undefined;
  } catch {
    return undefined;
  }
}

// The hand-off taken by this page, read once and then kept for the life of the
// page, so every render (and React's hydration check) sees the same answer
// while storage is already empty.
let taken: { handoff: Handoff | undefined } | undefined;

export function handoffForThisPage(): Handoff | undefined {
  taken ??= { handoff: takeHandoff() };
  return taken.handoff;
}

// Storage is writable by anything running on this origin, so what comes back
// is treated as untrusted: only the form's own fields and a known step are
// kept (the values are still checked by the schema before they are sent).
function parseHandoff(parsed: unknown): Handoff | undefined {
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const { values, step } = parsed as { values?: unknown; step?: unknown };
  if (typeof values !== "object" || values === null) return undefined;
  const known = Object.entries(values).filter(([field]) => (FIELD_ORDER as readonly string[]).includes(field));
  const knownStep = STEPS.find((id) => id === step) ?? STEPS[0];
  return { values: Object.fromEntries(known), step: knownStep };
}
