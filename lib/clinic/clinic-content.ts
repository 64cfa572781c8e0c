import { z } from "zod";
import content from "@/lib/clinic/clinic.json";
import { LOCALES } from "@/lib/i18n/locales";

// Everything clinic-specific lives in clinic.json, so another clinic deploys
// this app by editing that one file. Checked at start-up like the environment.
// One value per public language (lib/i18n/locales.ts), every one required.
// Admins may later change the public details in Settings (ClinicDetails row);
// this file then seeds them and is the fallback while the database is down.
const Localised = <T extends z.ZodType>(value: T) => z.record(z.enum(LOCALES), value);

const ClinicContentSchema = z.strictObject({
  name: z.string().min(1),
  phone: z.string().regex(/^\+[\d-]{7,20}$/, "international format, e.g. +1-555-0100"),
  phoneDisplay: z.string().min(7),
  email: z.email(),
  address: z.string().min(1),
  retentionDays: z.number().int().min(30),
  // Whether search engines may list the public pages (the staff area never).
  indexPublicPages: z.boolean(),
  hours: Localised(z.string().min(1)),
  programme: Localised(z.strictObject({ name: z.string().min(1), summary: z.array(z.string().min(1)).min(1) })),
});

export type ClinicContent = z.infer<typeof ClinicContentSchema>;

export const clinicContent: ClinicContent = ClinicContentSchema.parse(content);
