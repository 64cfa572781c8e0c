import { AppError } from "@/lib/actions/app-error";

// A hand-off that was refused for a reason staff can act on (no consent, the
// stage); the message is safe to show.
export class FhirExportRefusedError extends AppError {}
