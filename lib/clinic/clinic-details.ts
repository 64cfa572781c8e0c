import { clinicContent } from "@/lib/clinic/clinic-content";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "@/lib/i18n/locales";
import type { ClinicDetailsValues, LocalisedClinicDetails } from "@/lib/validations/clinic-details";

export type ClinicDetails = {
  name: string;
  phone: string;
  phoneDisplay: string;
  phoneHref: string;
  email: string;
  address: string;
  hours: string;
  programmeName: string;
  programmeSummary: readonly string[];
  retentionDays: number;
};

// What clinic.json says: the details of a new installation, and what every
// page falls back on while the database cannot be read.
export const SEED_CLINIC_VALUES: ClinicDetailsValues = {
  name: clinicContent.name,
  phone: clinicContent.phone,
  phoneDisplay: clinicContent.phoneDisplay,
  email: clinicContent.email,
  address: clinicContent.address,
  localised: Object.fromEntries(
    LOCALES.map((locale) => [
      locale,
      { hours: clinicContent.hours[locale], programmeName: clinicContent.programme[locale].name, programmeSummary: clinicContent.programme[locale].summary },
    ]),
  ) as Record<Locale, LocalisedClinicDetails>,
};

// A language added after the details were last saved has no stored text yet:
// the seed's wording for it, else the default language's stored wording.
function localisedFor(values: ClinicDetailsValues, locale: Locale): LocalisedClinicDetails {
  const stored: Partial<Record<Locale, LocalisedClinicDetails>> = values.localised;
  const seed: Partial<Record<Locale, LocalisedClinicDetails>> = SEED_CLINIC_VALUES.localised;
  return stored[locale] ?? seed[locale] ?? values.localised[DEFAULT_LOCALE];
}

// The clinic's facts in one language, as pages and messages need them.
export function clinicDetailsFrom(values: ClinicDetailsValues, locale: Locale = DEFAULT_LOCALE): ClinicDetails {
  const localised = localisedFor(values, locale);
  return {
    name: values.name,
    phone: values.phone,
    phoneDisplay: values.phoneDisplay,
    phoneHref: `tel:${values.phone.replace(/[^\d+]/g, "")}`,
    email: values.email,
    address: values.address,
    hours: localised.hours,
    programmeName: localised.programmeName,
    programmeSummary: localised.programmeSummary,
    retentionDays: clinicContent.retentionDays,
  };
}

export function seedClinicDetails(locale: Locale = DEFAULT_LOCALE): ClinicDetails {
  return clinicDetailsFrom(SEED_CLINIC_VALUES, locale);
}
