import type { RequesterType } from "@/lib/db/generated/enums";
import { CONTACT_ATTEMPT_OPTIONS } from "@/lib/triage/pipeline/contact-attempt-options";
import type { InquiryConsents } from "@/lib/triage/record/read-current-consents";

export type OutreachChannel = {
  channel: "CALL" | "TEXT";
  // The dialler's or messaging app's link: the number goes to the device,
  // never into a URL of this app (no query string, no message body).
  href: string;
  // What to say or not say, shown before the link is.
  cautions: string[];
  // One click each afterwards: the outcomes of this channel the person's
  // consent allows (the server checks consent again).
  outcomes: { value: string; label: string }[];
};

export type Outreach = { channels: OutreachChannel[]; notOffered: string[] };

// Which of "call" and "text" the person agreed to (their newest CALL and TEXT
// consent records), with the cautions their other answers call for: no
// voicemail unless VOICEMAIL was granted, the programme not named unless
// NAME_PROGRAMME was, and nothing said to whoever answers when someone else
// asked on their behalf.
export function outreachChannels(options: { phone: string | null; consents: InquiryConsents; requesterType: RequesterType; personAware: string | null }): Outreach {
  const granted = (subject: "CALL" | "TEXT" | "VOICEMAIL" | "NAME_PROGRAMME") => options.consents.current.get(subject)?.granted === true;
  if (!options.phone) return { channels: [], notOffered: ["No phone number: no call or text link."] };
  const number = options.phone.replace(/[^\d+]/g, "");
  const onBehalf =
    options.requesterType !== "SELF" && options.personAware !== "YES" ? ["Asked on someone else's behalf: do not mention the request to anyone who answers."] : [];
  const programme = granted("NAME_PROGRAMME") ? [] : ["Do not name the programme."];
  const outcomesOf = (channels: readonly string[]) =>
    CONTACT_ATTEMPT_OPTIONS.filter((option) => channels.includes(option.channel)).map((option) => ({ value: `${option.channel}:${option.outcome}`, label: option.label }));
  const channels: OutreachChannel[] = [];
  const notOffered: string[] = [];
  if (granted("CALL")) {
    const voicemail = granted("VOICEMAIL")
      ? ["Voicemail allowed: generic message only (no programme name, no reason for the call)."]
      : ["No voicemail — do not leave a message."];
    channels.push({ channel: "CALL", href: `tel:${number}`, cautions: [...voicemail, ...programme, ...onBehalf], outcomes: outcomesOf(granted("VOICEMAIL") ? ["CALL", "VOICEMAIL"] : ["CALL"]) });
  } else {
    notOffered.push("No consent to phone calls: no call link.");
  }
  if (granted("TEXT")) {
    channels.push({ channel: "TEXT", href: `sms:${number}`, cautions: ["Keep the text generic: no reason for contact.", ...programme, ...onBehalf], outcomes: outcomesOf(["TEXT"]) });
  } else {
    notOffered.push("No consent to text messages: no text link.");
  }
  return { channels, notOffered };
}
