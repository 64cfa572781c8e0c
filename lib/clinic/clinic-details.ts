import "server-only";
import { getEnv } from "@/lib/env";

export type ClinicDetails = { name: string; phone: string; phoneHref: string; hours: string };

// Clinic-specific facts come from configuration so another clinic can deploy
// the app without touching components.
export function clinicDetails(): ClinicDetails {
  const env = getEnv();
  return {
    name: env.CLINIC_NAME,
    phone: env.CLINIC_PHONE,
    phoneHref: `tel:${env.CLINIC_PHONE.replace(/[^\d+]/g, "")}`,
    hours: env.CLINIC_HOURS,
  };
}
