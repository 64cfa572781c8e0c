import type { Metadata } from "next";
import { ClinicDetailsForm } from "@/app/staff/(signed-in)/admin/settings/clinic/ClinicDetailsForm";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { loadClinicValues } from "@/lib/clinic/load-clinic-details";
import { LOCALES } from "@/lib/i18n/locales";
import "../settings.css";

export const metadata: Metadata = { title: "Clinic details" };

// Languages by their English names, for the staff area ("Spanish").
const languageNames = new Intl.DisplayNames(["en"], { type: "language" });

export default async function ClinicSettingsPage() {
  await requireStaffPage({ role: "admin" });
  const values = await loadClinicValues();
  return (
    <>
      <h1>Clinic details</h1>
      <p>
        What the public pages, the form and its error messages show. Saved details appear on the next page load; lib/clinic/clinic.json
        only seeds a new installation.
      </p>
      <ClinicDetailsForm initial={values} languages={LOCALES.map((locale) => ({ locale, name: languageNames.of(locale) ?? locale }))} />
    </>
  );
}
