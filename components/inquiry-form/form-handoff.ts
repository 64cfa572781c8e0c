// Carries the form's answers across a language switch, which is a page load.
// Written only at the moment of switching and removed as soon as it is read,
// in sessionStorage (this tab only, gone when it closes), so answers do not
// linger on a shared device.
const KEY = "iop-form-handoff";

export function saveHandoff(values: Record<string, unknown>): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify(values));
  } catch {
    // storage disabled (private mode): the switch simply starts a fresh form
  }
}

export function takeHandoff(): Record<string, unknown> | undefined {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    window.sessionStorage.removeItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : undefined;
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
