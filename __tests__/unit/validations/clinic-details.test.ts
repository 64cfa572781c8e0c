import { fieldErrorsOf } from "@/lib/actions/action-state";
import { SEED_CLINIC_VALUES, clinicDetailsFrom } from "@/lib/clinic/clinic-details";
import { LOCALES } from "@/lib/i18n/locales";
import { ClinicDetailsSchema, clinicDetailsFromFormData, clinicFieldDepth, clinicFormValues } from "@/lib/validations/clinic-details";

function form(changes: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries({ ...clinicFormValues(SEED_CLINIC_VALUES), ...changes })) data.set(name, value);
  return data;
}

describe("ClinicDetailsSchema", () => {
  it("accepts the seed as the settings form shows it, in every locale", () => {
    const parsed = ClinicDetailsSchema.parse(clinicDetailsFromFormData(form({})));
    expect(parsed).toEqual(SEED_CLINIC_VALUES);
    expect(Object.keys(parsed.localised).sort()).toEqual([...LOCALES].sort());
  });

  it("splits the description into paragraphs at empty lines and tidies spaces", () => {
    const parsed = ClinicDetailsSchema.parse(clinicDetailsFromFormData(form({ "localised.en.programmeSummary": "  One\nline.\r\n\r\n \n Two   words. \n\n\n" })));
    expect(parsed.localised.en.programmeSummary).toEqual(["One line.", "Two words."]);
  });

  it.each([
    ["phone", "555-0100", "phone"],
    ["phone", "+1-555-0100; DROP", "phone"],
    ["phoneDisplay", "555", "phoneDisplay"],
    ["email", "not an email", "email"],
    ["name", "\u200b\u2060", "name"],
    ["localised.es.hours", "   ", "localised.es.hours"],
    ["localised.en.programmeName", "x".repeat(101), "localised.en.programmeName"],
    ["localised.es.programmeSummary", "\n \n", "localised.es.programmeSummary"],
  ])("refuses %s = %j with an error on that field only", (field, value, key) => {
    const result = ClinicDetailsSchema.safeParse(clinicDetailsFromFormData(form({ [field]: value })));
    expect(result.success).toBe(false);
    expect(Object.keys(fieldErrorsOf(result.error!, clinicFieldDepth))).toEqual([key]);
  });
});

describe("clinicDetailsFrom", () => {
  it("dials the phone without its punctuation", () => {
    expect(clinicDetailsFrom({ ...SEED_CLINIC_VALUES, phone: "+1-555-0188" }).phoneHref).toBe("tel:+15550188");
  });

  it("uses the seed's wording for a language stored details do not have yet", () => {
    const stored = { ...SEED_CLINIC_VALUES, localised: { en: { ...SEED_CLINIC_VALUES.localised.en, hours: "Always" } } };
    expect(clinicDetailsFrom(stored as typeof SEED_CLINIC_VALUES, "es").hours).toBe(SEED_CLINIC_VALUES.localised.es.hours);
    expect(clinicDetailsFrom(stored as typeof SEED_CLINIC_VALUES, "en").hours).toBe("Always");
  });
});
