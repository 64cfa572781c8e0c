// RFC 9116 security.txt: where to report a vulnerability in this installation.
// Generated rather than a static file so the contact is the clinic's own
// (clinic.json) and Expires is always in the future (the RFC asks for less
// than a year ahead).
const VALID_DAYS = 180;

export function buildSecurityTxt(options: { contactEmail: string; publicUrl: string; now: Date }): string {
  const expires = new Date(options.now.getTime() + VALID_DAYS * 24 * 60 * 60 * 1000);
  expires.setUTCHours(0, 0, 0, 0);
  return [
    `Contact: mailto:${options.contactEmail}`,
    `Expires: ${expires.toISOString()}`,
    "Preferred-Languages: en, es",
    `Canonical: ${new URL("/.well-known/security.txt", options.publicUrl).toString()}`,
    "",
  ].join("\n");
}
