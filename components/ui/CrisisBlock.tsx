import { useTranslations } from "next-intl";
import { useId } from "react";

const LINKS = {
  call911: (text: React.ReactNode) => <a href="tel:911">{text}</a>,
  call988: (text: React.ReactNode) => <a href="tel:988">{text}</a>,
  text988: (text: React.ReactNode) => <a href="sms:988">{text}</a>,
  callSamhsa: (text: React.ReactNode) => <a href="tel:18006624357">{text}</a>,
};

// Shown before the form and again on the confirmation. The form is not watched
// around the clock, so people in danger must be sent elsewhere first.
// `emphasised`: someone said they are in danger; say so first and loudly.
// `compact`: above the form, the same help in fewer words, so that on a phone
// the form starts on the first screen too (an emphasised block is never compact).
export function CrisisBlock({ emphasised = false, compact = false }: { emphasised?: boolean; compact?: boolean }) {
  const t = useTranslations("crisis");
  const titleId = useId();
  const short = compact && !emphasised;
  const className = ["crisis", emphasised ? "crisis--urgent" : null, short ? "crisis--compact" : null].filter(Boolean).join(" ");
  const lines = short
    ? (["compact.emergency", "compact.lifeline", "compact.samhsa"] as const)
    : (["emergency", "lifeline", "samhsa"] as const);
  return (
    <aside className={className} aria-labelledby={titleId} role={emphasised ? "alert" : undefined}>
      <h2 id={titleId}>{emphasised ? t("urgentTitle") : t("title")}</h2>
      <p>{t("notMonitored")}</p>
      <ul>
        {lines.map((line) => (
          <li key={line}>{t.rich(line, LINKS)}</li>
        ))}
      </ul>
    </aside>
  );
}
