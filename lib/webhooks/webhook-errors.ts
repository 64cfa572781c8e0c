import { AppError } from "@/lib/actions/app-error";

// An admin's webhook command that was refused for a reason they can fix; the
// message is safe to show, `field` names the form field it concerns.
export class WebhookRefusedError extends AppError {
  constructor(message: string, field?: string) {
    super(message, { field });
  }
}
