import "server-only";
import { cache } from "react";
import { z } from "zod";
import { clinicDetailsFrom, SEED_CLINIC_VALUES, type ClinicDetails } from "@/lib/clinic/clinic-details";
import { getDb } from "@/lib/db/client";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { logger } from "@/lib/logging/logger";
import type { ClinicDetailsValues } from "@/lib/validations/clinic-details";

// A page must not wait on a struggling database for its phone number: past
// this it shows what it knew last (the pool itself waits up to 5 s).
const READ_TIMEOUT_MS = 1500;

// The row as stored: whatever languages it has (one added later simply has none yet).
const StoredLocalised = z.record(z.string(), z.object({ hours: z.string(), programmeName: z.string(), programmeSummary: z.array(z.string()).min(1) }));

// Read per request, not cached: one primary-key row costs well under a
// millisecond (see docs/decisions), so every instance shows an admin's change
// on the very next page load with nothing to invalidate. What this process
// read last is kept only for when the database cannot be read.
const memory = globalThis as typeof globalThis & { iopClinicDetails?: ClinicDetailsValues };

export function rememberClinicValues(values: ClinicDetailsValues): void {
  memory.iopClinicDetails = values;
}

function lastKnownValues(): ClinicDetailsValues {
  return memory.iopClinicDetails ?? SEED_CLINIC_VALUES;
}

async function readStoredValues(): Promise<ClinicDetailsValues> {
  const row = await getDb().clinicDetails.findUnique({ where: { id: 1 } });
  if (!row) return SEED_CLINIC_VALUES;
  const localised = StoredLocalised.parse(row.localised);
  const { name, phone, phoneDisplay, email, address } = row;
  return { name, phone, phoneDisplay, email, address, localised: { ...SEED_CLINIC_VALUES.localised, ...localised } };
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`clinic details not read within ${READ_TIMEOUT_MS} ms`)), READ_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

// The stored details (the seed when none are stored). Never throws: when the
// database cannot be read it answers with the last details this process
// read, else the seed, so a page can always show the clinic's phone number.
// Deduplicated within one server render (header, page and layout all ask).
export const loadClinicValues = cache(async (): Promise<ClinicDetailsValues> => {
  try {
    const values = await withTimeout(readStoredValues());
    rememberClinicValues(values);
    return values;
  } catch (err) {
    logger.warn({ err }, "clinic details could not be read; showing the last known ones");
    return lastKnownValues();
  }
});

export async function loadClinicDetails(locale: Locale = DEFAULT_LOCALE): Promise<ClinicDetails> {
  return clinicDetailsFrom(await loadClinicValues(), locale);
}

// For failure paths (the database may be what failed): no database read at
// all, just what this process last read, else the seed.
export function lastKnownClinicDetails(locale: Locale = DEFAULT_LOCALE): ClinicDetails {
  return clinicDetailsFrom(lastKnownValues(), locale);
}
