import { clinicContent } from "@/lib/clinic/clinic-content";

// The invitation mail: who it is from and a link. The token sits in the URL
// fragment, which browsers never send to a server, so it cannot end up in
// access logs or Referer headers; the page reads it with JavaScript.
export function invitationEmail(options: { publicUrl: string; token: string; role: string; expiresAt: Date }): {
  subject: string;
  text: string;
} {
  const link = `${options.publicUrl.replace(/\/$/, "")}/staff/invitation#token=${options.token}`;
  return {
    subject: `Your ${clinicContent.name} staff account`,
    text: [
      `You have been invited to the ${clinicContent.name} intake staff area as ${options.role === "admin" ? "an administrator" : "an intake coordinator"}.`,
      "",
      "Set your password and connect an authenticator app here:",
      link,
      "",
      `The link works once and expires on ${options.expiresAt.toUTCString()}.`,
      "If you did not expect this message, ignore it.",
    ].join("\n"),
  };
}
