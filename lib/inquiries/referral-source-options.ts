import "server-only";
import { getDb } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";
import { logger } from "@/lib/logging/logger";
import { HEARD_ABOUT, type ReferralSourceOption } from "@/lib/validations/inquiry-options";

const BUILT_IN = new Set<string>(HEARD_ABOUT);

// A built-in source keeps its translated wording (an admin's rename is the
// staff's name for it); one an admin added shows the admin's label in every
// language, since admins enter one label.
function labelFor(locale: Locale, code: string, adminLabel: string): string {
  const translated: Record<string, string> = messagesFor(locale).form.heardAbout;
  return BUILT_IN.has(code) ? (translated[code] ?? adminLabel) : adminLabel;
}

// "Something else" stays last, after sources admins added.
const lastIfOther = (code: string) => (code === "OTHER" ? 1 : 0);

// The form's "how did you hear about us" choices: the active sources, read
// per request so one an admin adds is offered on the next page load. If the
// database cannot be read the built-in ones are offered (the page still
// shows, with the clinic's phone number).
export async function loadReferralSourceOptions(locale: Locale): Promise<ReferralSourceOption[]> {
  try {
    const sources = await getDb().referralSource.findMany({ where: { active: true }, orderBy: { position: "asc" }, select: { code: true, label: true } });
    return [...sources]
      .sort((a, b) => lastIfOther(a.code) - lastIfOther(b.code))
      .map((source) => ({ code: source.code, label: labelFor(locale, source.code, source.label) }));
  } catch (err) {
    logger.warn({ err }, "referral sources could not be read; offering the built-in ones");
    const translated: Record<string, string> = messagesFor(locale).form.heardAbout;
    return HEARD_ABOUT.map((code) => ({ code, label: translated[code] ?? code }));
  }
}

export async function isActiveReferralSource(code: string): Promise<boolean> {
  const source = await getDb().referralSource.findUnique({ where: { code }, select: { active: true } });
  return source?.active === true;
}
