// The escalation email. Confidentiality rule 1, as for the new-inquiry email:
// a reference code, the fact that it is urgent and waiting, a sign-in link.
// No name, contact detail, message, and nothing in the subject that names the
// programme or its clinical focus.
export function escalationEmail(options: { referenceCode: string; targetMinutes: number; staffUrl: string }) {
  return {
    subject: `[Urgent] Intake request ${options.referenceCode} is waiting past the response target`,
    text: [
      `Urgent intake request ${options.referenceCode} has waited more than ${options.targetMinutes} business minutes without a first contact.`,
      "",
      `Sign in to pick it up: ${options.staffUrl}`,
      "",
      "Details are only available after signing in. Do not forward this message.",
    ].join("\n"),
  };
}
