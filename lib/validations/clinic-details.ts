import { z } from "zod";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { visibleLength } from "@/lib/validations/visible-text";

// The clinic's public details as admins edit them in Settings. Shared by the
// settings form (field names below) and the server action. The staff area is
// English, so the messages are worded here.

export const CLINIC_PHONE_PATTERN = /^\+[\d-]{7,20}$/;

const text = (max: number, missing: string) =>
  z
    .string({ error: missing })
    .transform((value) => value.normalize("NFC").trim())
    .pipe(z.string().refine((value) => visibleLength(value) > 0, missing).max(max, `Keep it under ${max} characters.`));

// Paragraphs are separated by an empty line, as admins type them.
const paragraphs = z
  .string({ error: "Write the programme description." })
  .max(4000, "Keep the description under 4000 characters.")
  .transform((value) =>
    value
      .normalize("NFC")
      .split(/\r?\n\s*\r?\n/)
      .map((paragraph) => paragraph.replace(/\s+/g, " ").trim())
      .filter((paragraph) => visibleLength(paragraph) > 0),
  )
  .pipe(z.array(z.string()).min(1, "Write the programme description."));

const LocalisedDetailsSchema = z.strictObject({
  hours: text(200, "Write the opening hours."),
  programmeName: text(100, "Write the programme's name."),
  programmeSummary: paragraphs,
});

export const ClinicDetailsSchema = z.strictObject({
  name: text(100, "Write the clinic's name."),
  phone: z
    .string({ error: "Write the phone number." })
    .trim()
    .regex(CLINIC_PHONE_PATTERN, "Write the phone number in international format, for example +1-555-0100."),
  phoneDisplay: text(32, "Write the phone number as people should read it.").pipe(
    z.string().min(7, "Write the phone number as people should read it, for example (555) 555-0100."),
  ),
  email: z.string().trim().pipe(z.email("Write an email address, for example intake@example.org.").max(254)),
  address: text(200, "Write the clinic's address."),
  localised: z.strictObject(
    Object.fromEntries(LOCALES.map((locale) => [locale, LocalisedDetailsSchema])) as Record<Locale, typeof LocalisedDetailsSchema>,
  ),
});

export type ClinicDetailsValues = z.infer<typeof ClinicDetailsSchema>;
export type LocalisedClinicDetails = z.infer<typeof LocalisedDetailsSchema>;

// The settings form's field name for a value: "phone", "localised.es.hours"
// (the schema's path, so a refusal's field errors are keyed by field name).
export function clinicFieldName(field: string, locale?: Locale): string {
  return locale ? `localised.${locale}.${field}` : field;
}

// For fieldErrorsOf: a per-language value is named by three path segments.
export const clinicFieldDepth = (first: PropertyKey): number => (first === "localised" ? 3 : 1);

export const CLINIC_FIELDS = ["name", "phone", "phoneDisplay", "email", "address"] as const;
export const CLINIC_LOCALISED_FIELDS = ["hours", "programmeName", "programmeSummary"] as const;

// The form's fields as ClinicDetailsSchema expects them.
export function clinicDetailsFromFormData(form: FormData): Record<string, unknown> {
  const value = (name: string) => {
    const raw = form.get(name);
    return typeof raw === "string" ? raw : "";
  };
  return {
    ...Object.fromEntries(CLINIC_FIELDS.map((field) => [field, value(field)])),
    localised: Object.fromEntries(
      LOCALES.map((locale) => [locale, Object.fromEntries(CLINIC_LOCALISED_FIELDS.map((field) => [field, value(clinicFieldName(field, locale))]))]),
    ),
  };
}

// Values by the form's field names, from stored details or from a refused
// submission (where the description is still the text as typed).
export function clinicFormValues(values: Record<string, unknown>): Record<string, string> {
  const flat: Record<string, string> = {};
  const asText = (value: unknown) => (Array.isArray(value) ? value.join("\n\n") : typeof value === "string" ? value : "");
  for (const field of CLINIC_FIELDS) flat[field] = asText(values[field]);
  const localised = (values.localised ?? {}) as Record<string, Record<string, unknown> | undefined>;
  for (const locale of LOCALES) {
    for (const field of CLINIC_LOCALISED_FIELDS) flat[clinicFieldName(field, locale)] = asText(localised[locale]?.[field]);
  }
  return flat;
}
