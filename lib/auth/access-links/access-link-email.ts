import { clinicContent } from "@/lib/clinic/clinic-content";
import type { AccessLinkPurpose } from "@/lib/auth/access-links/access-link";

// The mail carrying a set-up or password link: what it is for and the link,
// nothing else (no names, no reasons).
export function accessLinkEmail(options: { purpose: AccessLinkPurpose; url: string; expiresAt: Date }): { subject: string; text: string } {
  const enrol = options.purpose === "enrol";
  return {
    subject: enrol ? `Set up two-step sign-in for ${clinicContent.name}` : `Choose a new ${clinicContent.name} staff password`,
    text: [
      enrol
        ? `An administrator reset two-step sign-in for your ${clinicContent.name} staff account. Connect your authenticator app here:`
        : `An administrator asked you to choose a new password for your ${clinicContent.name} staff account. Choose it here:`,
      options.url,
      "",
      `The link works once and expires on ${options.expiresAt.toUTCString()}.`,
      "If you did not expect this message, tell your administrator.",
    ].join("\n"),
  };
}
