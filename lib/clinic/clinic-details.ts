import { clinicContent } from "@/lib/clinic/clinic-content";
import type { Locale } from "@/lib/i18n/locales";

export type ClinicDetails = {
  name: string;
  phone: string;
  phoneDisplay: string;
  phoneHref: string;
  email: string;
  hours: string;
  programmeName: string;
  programmeSummary: readonly string[];
  retentionDays: number;
};

// The clinic's facts in one language, as pages and messages need them.
export function clinicDetails(locale: Locale = "en"): ClinicDetails {
  const clinic = clinicContent;
  return {
    name: clinic.name,
    phone: clinic.phone,
    phoneDisplay: clinic.phoneDisplay,
    phoneHref: `tel:${clinic.phone.replace(/[^\d+]/g, "")}`,
    email: clinic.email,
    hours: clinic.hours[locale],
    programmeName: clinic.programme[locale].name,
    programmeSummary: clinic.programme[locale].summary,
    retentionDays: clinic.retentionDays,
  };
}
