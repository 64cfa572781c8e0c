// The one base of every expected refusal in the staff area. Its message is
// written for the person who acted, never carries personal data, and may be
// shown as it is; `field` names the form field it is about, when there is
// one. Domain code keeps its own subclasses (TriageRefusedError,
// SettingsRefusedError, …) so tests and callers can tell them apart, but the
// action runner knows only this class and its `kind`. Anything thrown that is
// not an AppError is a bug: it is logged (its class, no message) and the
// person is told nothing changed.
export type AppErrorKind =
  /** The request cannot be carried out as asked (a duplicate, a stale stage, a missing consent). */
  | "refused"
  /** What it is about does not exist (any more). */
  | "not-found"
  /** The account may not do this (any more): disabled, demoted, not an admin. */
  | "forbidden"
  /** Allowed, but only after the person confirms it is them ("Confirm it's you"). */
  | "reauthenticate";

export class AppError extends Error {
  constructor(
    message: string,
    readonly options: { kind?: AppErrorKind; field?: string } = {},
  ) {
    super(message);
    this.name = new.target.name;
  }

  get kind(): AppErrorKind {
    return this.options.kind ?? "refused";
  }

  get field(): string | undefined {
    return this.options.field;
  }
}
