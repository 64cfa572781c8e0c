import { useTranslations } from "next-intl";
import { useId } from "react";

// Shown before the form and again on the confirmation. The form is not watched
// around the clock, so people in danger must be sent elsewhere first.
// `emphasised`: someone said they are in danger; say so first and loudly.
export function CrisisBlock({ emphasised = false }: { emphasised?: boolean }) {
  const t = useTranslations("crisis");
  const titleId = useId();
  return (
    <aside className={emphasised ? "crisis crisis--urgent" : "crisis"} aria-labelledby={titleId} role={emphasised ? "alert" : undefined}>
      <h2 id={titleId}>{emphasised ? t("urgentTitle") : t("title")}</h2>
      <p>{t("notMonitored")}</p>
      <ul>
        <li>{t.rich("emergency", { call911: (text) => <a href="tel:911">{text}</a> })}</li>
        <li>{t.rich("lifeline", { call988: (text) => <a href="tel:988">{text}</a> })}</li>
        <li>{t.rich("samhsa", { callSamhsa: (text) => <a href="tel:18006624357">{text}</a> })}</li>
      </ul>
    </aside>
  );
}
