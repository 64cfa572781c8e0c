"use client";

import { useActionState } from "react";
import { saveClinicDetailsAction } from "@/app/staff/(signed-in)/admin/settings/clinic/actions";
import type { Locale } from "@/lib/i18n/locales";
import { clinicFieldName, clinicFormValues, type ClinicDetailsValues } from "@/lib/validations/clinic-details";

type Field = { name: string; label: string; hint?: string; type?: "text" | "tel" | "email"; multiline?: boolean; maxLength: number; lang?: Locale };

const SHARED: Field[] = [
  { name: "name", label: "Clinic name", maxLength: 100 },
  { name: "phone", label: "Phone number for dialling", hint: "International format, for example +1-555-0100.", type: "tel", maxLength: 24 },
  { name: "phoneDisplay", label: "Phone number as shown", hint: "As people should read it, for example (555) 555-0100.", maxLength: 32 },
  { name: "email", label: "Email address", type: "email", maxLength: 254 },
  { name: "address", label: "Address", maxLength: 200 },
];

function localisedFields(locale: Locale, language: string): Field[] {
  return [
    { name: clinicFieldName("hours", locale), label: `Opening hours (${language})`, lang: locale, hint: "Shown after the phone number, for example “Monday to Friday, 8 am to 6 pm”.", maxLength: 200 },
    { name: clinicFieldName("programmeName", locale), label: `Programme name (${language})`, lang: locale, maxLength: 100 },
    {
      name: clinicFieldName("programmeSummary", locale),
      label: `Programme description (${language})`,
      hint: "Shown on the home page. Leave an empty line between paragraphs.",
      multiline: true,
      lang: locale,
      maxLength: 4000,
    },
  ];
}

// The clinic's public details. Works as a plain form post without
// JavaScript; a refused form keeps what was typed and lists every problem at
// the top, each linked to its field.
export function ClinicDetailsForm({ initial, languages }: { initial: ClinicDetailsValues; languages: { locale: Locale; name: string }[] }) {
  const [state, action, pending] = useActionState(saveClinicDetailsAction, null);
  // What was typed, refused or saved (React resets the form after its action).
  const values = clinicFormValues(state?.values ?? initial);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const summary = Object.entries(errors);

  const input = (field: Field) => {
    const hintId = field.hint ? `${field.name}-hint` : undefined;
    const errorId = errors[field.name] ? `${field.name}-error` : undefined;
    const common = {
      id: field.name,
      name: field.name,
      defaultValue: values[field.name],
      maxLength: field.maxLength,
      lang: field.lang,
      "aria-invalid": Boolean(errorId),
      "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
    };
    return (
      <div className={errorId ? "field field--error" : "field"} key={field.name}>
        <label htmlFor={field.name}>{field.label}</label>
        {field.hint ? (
          <p className="hint" id={hintId}>
            {field.hint}
          </p>
        ) : null}
        {errorId ? (
          <p className="field-error" id={errorId}>
            {errors[field.name]}
          </p>
        ) : null}
        {field.multiline ? <textarea rows={8} {...common} /> : <input type={field.type ?? "text"} {...common} />}
      </div>
    );
  };

  return (
    <form action={action} noValidate>
      {summary.length > 0 ? (
        <div className="error-summary" role="alert" aria-labelledby="clinic-errors-title">
          <h2 id="clinic-errors-title">Please fix {summary.length === 1 ? "this" : `these ${summary.length} things`}</h2>
          <ul>
            {summary.map(([name, message]) => (
              <li key={name}>
                <a href={`#${name}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <fieldset>
        <legend>Contact</legend>
        {SHARED.map(input)}
      </fieldset>
      {languages.map(({ locale, name }) => (
        <fieldset key={locale}>
          <legend>{`Shown in ${name}`}</legend>
          {localisedFields(locale, name).map(input)}
        </fieldset>
      ))}
      <button className="button-primary button-inline" type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save clinic details"}
      </button>
      <p role="status">{state ? (state.ok ? state.message : (state.formError ?? "")) : ""}</p>
    </form>
  );
}
