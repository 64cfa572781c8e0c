import { AppError } from "@/lib/actions/app-error";

// A settings change that cannot be made as asked (a duplicate name, an
// unknown row). The message is written for the admin, and `field` names the
// form field it is about.
export class SettingsRefusedError extends AppError {
  constructor(message: string, field?: string) {
    super(message, { field });
  }
}
