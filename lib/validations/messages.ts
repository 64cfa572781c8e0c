import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";

// The wording of a schema message code ("phone.invalid") in a language, from
// the same message files the pages use. Used where no React tree is at hand
// (the HTTP API); components use next-intl's useTranslations("errors"). These
// messages have no placeholders, so a plain lookup is all it takes.
export function messageFor(code: string, locale: Locale = DEFAULT_LOCALE): string {
  const errors: Record<string, unknown> = messagesFor(locale).errors;
  const [group, rule, ...rest] = code.split(".");
  const entries = group && rule && rest.length === 0 && Object.hasOwn(errors, group) ? errors[group] : undefined;
  const text = typeof entries === "object" && entries !== null && Object.hasOwn(entries, rule ?? "") ? (entries as Record<string, unknown>)[rule ?? ""] : undefined;
  return typeof text === "string" ? text : messagesFor(locale).errors.fallback;
}
