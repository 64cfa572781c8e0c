// The staff notification. Confidentiality rule 1: it carries no name, phone,
// email, message, substance, or whether the person asked for themselves or for
// someone else, and neither subject nor sender names the programme's clinical
// focus. It says only that an inquiry is waiting, its reference and urgency.
export function newInquiryEmail(options: { referenceCode: string; urgent: boolean; staffUrl: string }) {
  const subject = `${options.urgent ? "[Urgent] " : ""}New intake request ${options.referenceCode}`;
  const lines = [
    `A new intake request is waiting: ${options.referenceCode}.`,
    options.urgent ? "The person marked it URGENT. Please respond as soon as possible." : "",
    "",
    `Sign in to view it: ${options.staffUrl}`,
    "",
    "Details are only available after signing in. Do not forward this message.",
  ].filter((line, index, all) => line !== "" || all[index - 1] !== "");
  return { subject, text: lines.join("\n") };
}
