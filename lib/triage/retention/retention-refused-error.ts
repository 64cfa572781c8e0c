import { AppError } from "@/lib/actions/app-error";

// An admin's retention request that cannot be carried out (unknown reference,
// on legal hold, already anonymised). Its message is written for the admin.
export class RetentionRefusedError extends AppError {}
