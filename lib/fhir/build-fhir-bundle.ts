import { randomUUID } from "node:crypto";
import type { Bundle, BundleEntry, Consent, Patient, Reference, RelatedPerson, Resource, ServiceRequest } from "@medplum/fhirtypes";

export type HandoffConsent = { subject: string; granted: boolean; consentTextVersion: string; recordedAt: Date; recipient?: string | null };

export type FhirHandoffInput = {
  referenceCode: string;
  receivedAt: Date;
  urgent: boolean;
  requesterType: "SELF" | "LOVED_ONE" | "PROFESSIONAL";
  preferredLanguage: string;
  firstName: string | null;
  phone: string | null;
  email: string | null;
  reason: string | null;
  /** Present only when the person consented to the referrer's inclusion. */
  referrer: { name: string; relationship: string | null } | null;
  consents: HandoffConsent[];
  recipient: string;
  /** Where reference codes come from: this app's public URL. */
  identifierSystem: string;
  now: Date;
  /** "transaction" for a FHIR server (each entry POSTed), "collection" for a file. */
  type?: "collection" | "transaction";
};

const CONSENT_WORDS: Record<string, string> = {
  INTAKE_CONTACT: "Contact about this request",
  CALL: "Phone calls",
  VOICEMAIL: "Voicemail",
  TEXT: "Text messages",
  EMAIL: "Email",
  NAME_PROGRAMME: "Naming the programme when contacting",
  EHR_DISCLOSURE: "Disclosure to the treatment provider's record system",
  EHR_REFERRER_DISCLOSURE: "Including the referrer in that disclosure",
};

const REQUESTER_WORDS = { SELF: "the person themselves", LOVED_ONE: "someone close to the person", PROFESSIONAL: "a professional" } as const;

type Entry<T extends Resource = Resource> = { url: string; resource: T };
const entry = <T extends Resource>(resource: T): Entry<T> => ({ url: `urn:uuid:${randomUUID()}`, resource });
const ref = <T extends Resource>(target: Entry<T>): Reference<T> => ({ reference: target.url });

// The FHIR R4 hand-off of one inquiry: what we know, and nothing more. The
// caller decides what is consented (the referrer only with its own consent);
// this function only shapes it. Coverage is absent because the app collects
// no insurance data.
export function buildFhirBundle(input: FhirHandoffInput): Bundle {
  const patient = entry(patientOf(input));
  const related = input.referrer ? entry(relatedPersonOf(input.referrer, patient)) : null;
  const requester = input.requesterType === "SELF" ? patient : input.requesterType === "LOVED_ONE" ? related : null;
  const serviceRequest = entry(serviceRequestOf(input, patient, requester));
  const consents = input.consents.map((consent) => entry(consentOf(consent, patient, input.recipient)));
  const entries = [patient, ...(related ? [related] : []), serviceRequest, ...consents];
  const transaction = input.type === "transaction";
  return {
    resourceType: "Bundle",
    type: transaction ? "transaction" : "collection",
    identifier: { system: "urn:ietf:rfc:3986", value: `urn:uuid:${randomUUID()}` },
    ...(transaction ? {} : { timestamp: input.now.toISOString() }),
    entry: entries.map(
      (e): BundleEntry => ({ fullUrl: e.url, resource: e.resource, ...(transaction ? { request: { method: "POST", url: e.resource.resourceType } } : {}) }),
    ),
  };
}

function patientOf(input: FhirHandoffInput): Patient {
  const telecom = [
    ...(input.phone ? [{ system: "phone" as const, value: input.phone }] : []),
    ...(input.email ? [{ system: "email" as const, value: input.email }] : []),
  ];
  return {
    resourceType: "Patient",
    ...(input.firstName ? { name: [{ given: [input.firstName], text: input.firstName }] } : {}),
    ...(telecom.length > 0 ? { telecom } : {}),
    communication: [{ language: { coding: [{ system: "urn:ietf:bcp:47", code: input.preferredLanguage }] }, preferred: true }],
  };
}

function relatedPersonOf(referrer: NonNullable<FhirHandoffInput["referrer"]>, patient: Entry<Patient>): RelatedPerson {
  return {
    resourceType: "RelatedPerson",
    patient: ref(patient),
    name: [{ text: referrer.name }],
    ...(referrer.relationship ? { relationship: [{ text: referrer.relationship }] } : {}),
  };
}

function serviceRequestOf(input: FhirHandoffInput, patient: Entry<Patient>, requester: Entry<Patient> | Entry<RelatedPerson> | null): ServiceRequest {
  return {
    resourceType: "ServiceRequest",
    identifier: [{ system: `${input.identifierSystem}/reference-code`, value: input.referenceCode }],
    status: "active",
    intent: "proposal",
    category: [{ coding: [{ system: "http://snomed.info/sct", code: "306206005", display: "Referral to service" }] }],
    code: { text: "Intensive outpatient program" },
    priority: input.urgent ? "urgent" : "routine",
    subject: ref(patient),
    authoredOn: input.receivedAt.toISOString(),
    ...(requester ? { requester: { reference: requester.url } } : {}),
    ...(input.reason ? { reasonCode: [{ text: input.reason }] } : {}),
    note: [{ text: `Inquiry made by ${REQUESTER_WORDS[input.requesterType]}.` }],
  };
}

function consentOf(consent: HandoffConsent, patient: Entry<Patient>, recipient: string): Consent {
  const disclosure = consent.subject === "EHR_DISCLOSURE" || consent.subject === "EHR_REFERRER_DISCLOSURE";
  return {
    resourceType: "Consent",
    status: consent.granted ? "active" : "rejected",
    scope: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/consentscope", code: "patient-privacy" }] },
    category: [{ coding: [{ system: "http://loinc.org", code: "59284-0", display: "Patient Consent" }], text: CONSENT_WORDS[consent.subject] ?? consent.subject }],
    patient: ref(patient),
    dateTime: consent.recordedAt.toISOString(),
    policyRule: { text: `Consent text version ${consent.consentTextVersion}` },
    provision: {
      type: consent.granted ? "permit" : "deny",
      ...(disclosure
        ? {
            actor: [
              {
                role: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", code: "IRCP", display: "information recipient" }] },
                reference: { display: consent.recipient ?? recipient },
              },
            ],
          }
        : {}),
    },
  };
}
