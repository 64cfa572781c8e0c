"use client";

import { useFormContext } from "react-hook-form";
import { ChoiceGroup, TextField } from "@/components/inquiry-form/inputs";
import { describedBy, fieldIds } from "@/components/ui/field-ids";
import { FieldError } from "@/components/ui/FieldMessage";
import { useFieldError } from "@/components/inquiry-form/field-errors-context";
import { LIMITS } from "@/lib/validations/inquiry-options";

const HEARD_ABOUT_LABELS: Record<string, string> = {
  SEARCH: "Internet search",
  FRIEND_OR_FAMILY: "Friend or family",
  HEALTHCARE_PROVIDER: "Doctor or hospital",
  COUNSELOR_OR_THERAPIST: "Counselor or therapist",
  COURT_OR_PROBATION: "Court or probation",
  EMPLOYER: "Employer",
  INSURANCE: "Insurance",
  SOCIAL_MEDIA: "Social media",
  OTHER: "Something else",
};

export function PreferencesSection() {
  const { register, formState } = useFormContext();
  const heardAboutError = useFieldError("heardAbout");
  return (
    <section aria-labelledby="preferences-title">
      <h2 id="preferences-title">A few more things</h2>
      <ChoiceGroup
        name="preferredLanguage"
        type="radio"
        label="Which language should we use?"
        options={[
          { value: "en", label: "English" },
          { value: "es", label: "Español" },
        ]}
      />
      <div className="field">
        <label htmlFor={fieldIds("heardAbout").id}>How did you hear about us? (optional)</label>
        <FieldError name="heardAbout" message={heardAboutError} />
        <select
          id={fieldIds("heardAbout").id}
          defaultValue={String(formState.defaultValues?.heardAbout ?? "")}
          aria-describedby={describedBy("heardAbout", { error: Boolean(heardAboutError) })}
          {...register("heardAbout", { setValueAs: (v: string) => (v === "" ? undefined : v) })}
        >
          <option value="">Prefer not to say</option>
          {Object.entries(HEARD_ABOUT_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <TextField
        name="message"
        multiline
        maxLength={LIMITS.message}
        label="Anything you would like us to know? (optional)"
        hint="Share only what you are comfortable with. You can tell us more when we talk."
      />
    </section>
  );
}
