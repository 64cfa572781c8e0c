// Turns a posted HTML form (no JavaScript, or the enhanced form) into the plain
// object InquirySchema expects. Checkboxes post "on" when ticked and nothing
// otherwise; radio groups post nothing when untouched, and an empty select or
// text box posts "", which means "not answered". Anything the schema does not
// know is passed through so strictObject rejects it.
const BOOLEAN_FIELDS = new Set(["inCrisis", "okToLeaveVoicemail", "okToText", "okToNameProgramme", "consent"]);
const LIST_FIELDS = new Set(["bestTimes"]);
// Fields that belong to the submission envelope, not to the inquiry itself
// ("altcha": a solved proof of work, added by the form when asked for one).
export const ENVELOPE_FIELDS = new Set(["formToken", "website", "locale", "altcha"]);

export function inquiryFromFormData(formData: FormData): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (ENVELOPE_FIELDS.has(key) || key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key).map((v) => (typeof v === "string" ? v : ""));
    if (BOOLEAN_FIELDS.has(key)) input[key] = values.includes("on") || values.includes("true");
    else if (LIST_FIELDS.has(key)) input[key] = values;
    else if (values.length !== 1) input[key] = values;
    else if (values[0] !== "") input[key] = values[0];
  }
  for (const key of BOOLEAN_FIELDS) input[key] ??= false;
  return input;
}
