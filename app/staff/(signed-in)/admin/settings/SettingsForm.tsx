"use client";

import { useActionState } from "react";
import { saveSettingsAction } from "@/app/staff/(signed-in)/admin/settings/actions";
import { WEEKDAYS, type BusinessHours } from "@/lib/triage/clock/business-hours";
import type { TriageSettingsValues } from "@/lib/validations/triage-settings";

const DAY_NAMES = { mon: "Monday", tue: "Tuesday", wed: "Wednesday", thu: "Thursday", fri: "Friday", sat: "Saturday", sun: "Sunday" } as const;
const WEEK = [...WEEKDAYS.slice(1), WEEKDAYS[0]] as const;

function hoursOf(values: Record<string, unknown> | undefined, fallback: BusinessHours): BusinessHours {
  const hours = values?.businessHours;
  return hours && typeof hours === "object" ? (hours as BusinessHours) : fallback;
}

// The workspace settings. A refused form keeps what was typed (the action
// returns it) and lists every problem at the top, each linked to its field.
export function SettingsForm({ initial, timeZones }: { initial: TriageSettingsValues; timeZones: string[] }) {
  const [state, action, pending] = useActionState(saveSettingsAction, null);
  // What was typed, refused or saved (React resets the form after its action).
  const typed = state?.values;
  const values = typed ?? initial;
  const errors = state && !state.ok ? state.fieldErrors : {};
  const hours = hoursOf(typed, initial.businessHours);
  const value = (name: keyof TriageSettingsValues) => String(values[name] ?? "");
  const described = (name: string, hint?: string) => ({
    "aria-invalid": Boolean(errors[name]),
    "aria-describedby": [hint, errors[name] ? `${name}-error` : undefined].filter(Boolean).join(" ") || undefined,
  });
  const error = (name: string) =>
    errors[name] ? (
      <p className="field-error" id={`${name}-error`}>
        {errors[name]}
      </p>
    ) : null;
  const summary = Object.entries(errors);

  return (
    <form action={action} noValidate>
      {summary.length > 0 ? (
        <div className="error-summary" role="alert">
          <h3>Please fix {summary.length === 1 ? "this" : `these ${summary.length} things`}</h3>
          <ul>
            {summary.map(([name, message]) => (
              <li key={name}>
                <a href={`#${name.replace(".", "-")}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="form-row">
        <div className={errors.firstContactTargetMinutes ? "field field--error" : "field"}>
          <label htmlFor="firstContactTargetMinutes">First-contact target (business minutes)</label>
          {error("firstContactTargetMinutes")}
          <input id="firstContactTargetMinutes" name="firstContactTargetMinutes" className="settings-number" type="number" min={1} max={10080} defaultValue={value("firstContactTargetMinutes")} {...described("firstContactTargetMinutes")} />
        </div>
        <div className={errors.timeZone ? "field field--error" : "field"}>
          <label htmlFor="timeZone">Time zone</label>
          {error("timeZone")}
          <input id="timeZone" name="timeZone" type="text" list="time-zones" autoComplete="off" defaultValue={value("timeZone")} {...described("timeZone")} />
          <datalist id="time-zones">
            {timeZones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </div>
      </div>
      <fieldset className="field">
        <legend>Business hours (in that time zone)</legend>
        <p className="hint">The response clock runs only while you are open. Leave a day unticked if you are closed.</p>
        {WEEK.map((day) => {
          const span = hours[day];
          const key = `businessHours.${day}`;
          return (
            <div className={errors[key] ? "settings-day field--error" : "settings-day"} key={day} id={`businessHours-${day}`}>
              <div className="choice">
                <input id={`${day}-open`} name={`${day}-open`} type="checkbox" defaultChecked={Boolean(span)} />
                <label htmlFor={`${day}-open`}>{DAY_NAMES[day]}</label>
              </div>
              <label htmlFor={`${day}-from`}>
                <span className="visually-hidden">{DAY_NAMES[day]} </span>opens
              </label>
              <input id={`${day}-from`} name={`${day}-from`} type="time" step={60} defaultValue={span?.[0] ?? "09:00"} {...described(key)} />
              <label htmlFor={`${day}-to`}>
                <span className="visually-hidden">{DAY_NAMES[day]} </span>closes
              </label>
              <input id={`${day}-to`} name={`${day}-to`} type="time" step={60} defaultValue={span?.[1] ?? "17:00"} {...described(key)} />
              {error(key)}
            </div>
          );
        })}
      </fieldset>
      <div className="form-row">
        <div className={errors.attemptsBeforeDecision ? "field field--error" : "field"}>
          <label htmlFor="attemptsBeforeDecision">Unsuccessful attempts before a decision</label>
          {error("attemptsBeforeDecision")}
          <input id="attemptsBeforeDecision" name="attemptsBeforeDecision" className="settings-number" type="number" min={1} max={20} defaultValue={value("attemptsBeforeDecision")} {...described("attemptsBeforeDecision")} />
        </div>
        <div className={errors.retentionDays ? "field field--error" : "field"}>
          <label htmlFor="retentionDays">Keep unconverted inquiries for (days)</label>
          {error("retentionDays")}
          <input id="retentionDays" name="retentionDays" className="settings-number" type="number" min={30} max={3650} defaultValue={value("retentionDays")} {...described("retentionDays", "retentionDays-hint")} />
          <p className="hint" id="retentionDays-hint">
            After this many days, inquiries closed without admission lose every personal detail, unless on legal hold.
          </p>
        </div>
      </div>
      <div className={errors.escalationEmail ? "field field--error" : "field"}>
        <label htmlFor="escalationEmail">Escalation address (optional)</label>
        {error("escalationEmail")}
        <input id="escalationEmail" name="escalationEmail" type="email" defaultValue={value("escalationEmail")} {...described("escalationEmail", "escalationEmail-hint")} />
        <p className="hint" id="escalationEmail-hint">
          Told when an urgent inquiry waits past the target. The email holds only the reference code. Leave empty for no escalation.
        </p>
      </div>
      <div className="choice">
        <input id="roundRobin" name="roundRobin" type="checkbox" defaultChecked={values.roundRobin === true} aria-describedby="roundRobin-hint" />
        <label htmlFor="roundRobin">Assign new inquiries automatically</label>
        <p className="hint" id="roundRobin-hint">
          In turn, among coordinators who speak the inquiry&apos;s language.
        </p>
      </div>
      <button className="button-primary button-inline" type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </button>
      <p role="status">{state?.ok ? state.message : (state?.formError ?? "")}</p>
    </form>
  );
}
