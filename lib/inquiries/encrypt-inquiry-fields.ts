import "server-only";
import { randomUUID } from "node:crypto";
import { encryptField } from "@/lib/crypto/field-encryption";
import { getKeyring } from "@/lib/crypto/keyring";
import { hashForLookup, type LookupKind } from "@/lib/crypto/lookup-hash";
import { normaliseName } from "@/lib/crypto/normalise-name";
import { lookupHashKey } from "@/lib/security/secrets";
import type { Inquiry } from "@/lib/validations/inquiry";

// Maps a validated inquiry to the columns of a new Inquiry row: every value that
// could identify the person or say anything about their health is encrypted
// (bound to its column and row), phone, email and the normalised first name
// also get a keyed lookup hash (exact-match search and duplicate detection).
// A staff-entered inquiry adds the referring organisation (issue 12); the
// public form has none, and its statement does not store the null.
export function encryptInquiryFields(inquiry: Inquiry & { referringOrganisation?: string }) {
  const id = randomUUID();
  const keyring = getKeyring();
  const seal = (column: string, value: string | null | undefined) =>
    value === undefined || value === null ? null : encryptField({ keyring, plaintext: value, context: `Inquiry.${column}:${id}` });
  const hash = (kind: LookupKind, value: string | undefined) =>
    value === undefined ? null : hashForLookup({ key: lookupHashKey(), kind, value });

  return {
    id,
    firstNameEnc: encryptField({ keyring, plaintext: inquiry.firstName, context: `Inquiry.firstName:${id}` }),
    phoneEnc: seal("phone", inquiry.phone),
    emailEnc: seal("email", inquiry.email),
    messageEnc: seal("message", inquiry.message),
    referrerNameEnc: seal("referrerName", inquiry.referrerName),
    referrerRelationshipEnc: seal("referrerRelationship", inquiry.referrerRelationship),
    personAwareEnc: seal("personAware", inquiry.personAware),
    referringOrganisationEnc: seal("referringOrganisation", inquiry.referringOrganisation),
    phoneHash: hash("phone", inquiry.phone),
    emailHash: hash("email", inquiry.email),
    firstNameHash: hash("name", normaliseName(inquiry.firstName) || undefined),
  };
}
