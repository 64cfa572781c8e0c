import { AppError } from "@/lib/actions/app-error";

// An admin operation refused for a reason the admin should read.
export class StaffAdminRefusedError extends AppError {}
