// Copy-paste snippets for putting the form on the clinic's own site
// (WordPress, Squarespace…): a plain, styled link in each language, which
// needs no script and no framing, and, only if the clinic opted in, an iframe.
const BUTTON_STYLE =
  "display:inline-block;padding:0.75em 1.25em;border-radius:6px;background:#1d4f91;color:#fff;font-weight:600;text-decoration:none;font-family:inherit";

const LABELS = { en: "Ask for a confidential call back", es: "Pida una llamada confidencial" } as const;

export function embedLinkSnippet(publicUrl: string, locale: "en" | "es"): string {
  const href = new URL(locale === "en" ? "/request" : "/es/request", publicUrl).toString();
  // rel="noreferrer": the form learns nothing about the page the person came from, and vice versa.
  return `<a href="${href}" rel="noreferrer" style="${BUTTON_STYLE}">${LABELS[locale]}</a>`;
}

export function embedFrameSnippet(publicUrl: string, locale: "en" | "es"): string {
  const src = new URL(locale === "en" ? "/request" : "/es/request", publicUrl).toString();
  const title = locale === "en" ? "Confidential request form" : "Formulario confidencial";
  return `<iframe src="${src}" title="${title}" style="width:100%;min-height:1400px;border:0" referrerpolicy="no-referrer"></iframe>`;
}
