"use client";

import { createContext, useContext } from "react";
import { seedClinicDetails } from "@/lib/clinic/clinic-details";
import type { Locale } from "@/lib/i18n/locales";

export type ClinicContact = { phoneDisplay: string; phoneHref: string; hours: string };

const ClinicContactContext = createContext<ClinicContact | null>(null);

// The clinic's phone and hours as the layout read them, for client
// components that cannot read them themselves (the error page).
export function ClinicContactProvider({ contact, children }: { contact: ClinicContact; children: React.ReactNode }) {
  return <ClinicContactContext.Provider value={contact}>{children}</ClinicContactContext.Provider>;
}

// Outside the provider (it failed to render) the seed's: a phone number is
// always shown.
export function useClinicContact(locale: Locale): ClinicContact {
  const contact = useContext(ClinicContactContext);
  if (contact) return contact;
  const seed = seedClinicDetails(locale);
  return { phoneDisplay: seed.phoneDisplay, phoneHref: seed.phoneHref, hours: seed.hours };
}
