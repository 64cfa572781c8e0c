import { Fragment } from "react";
import type { Metadata } from "next";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { embedFrameSnippet, embedLinkSnippet } from "@/lib/embed/embed-snippets";
import { getEnv } from "@/lib/env";
import { parseEmbedOrigins } from "@/lib/security/embed-origins";
import { LOCALE_LIST } from "@/lib/i18n/locales";

export const metadata: Metadata = { title: "Put the form on your site" };

// Read-only: snippets to copy, and the framing allow-list as configured
// (EMBED_ALLOWED_ORIGINS). Nothing personal here, nothing changes: not audited.
export default async function EmbedPage() {
  await requireStaffPage({ role: "admin" });
  const env = getEnv();
  const origins = parseEmbedOrigins(env.EMBED_ALLOWED_ORIGINS, { production: env.NODE_ENV === "production" });
  return (
    <>
      <h1>Put the form on your site</h1>
      <p>
        Paste one of these where the button should appear on your website (in WordPress: a “Custom HTML” block; in Squarespace: a “Code”
        block). It is a plain link: it needs no script, and the form opens on this site, where nothing tracks the person.
      </p>
      {LOCALE_LIST.map((entry) => (
        <Fragment key={entry.code}>
          <h2>{entry.englishName}</h2>
          <pre className="snippet">
            <code>{embedLinkSnippet(env.PUBLIC_URL, entry.code)}</code>
          </pre>
        </Fragment>
      ))}
      <h2>Showing the form inside your page (iframe)</h2>
      <p className="alert">
        Prefer the link. If your site runs analytics, advertising or social-media pixels, they can record that a visitor opened a page with
        an addiction-treatment request form. The US Federal Trade Commission has acted against health services over exactly such tracking
        (GoodRx, BetterHelp, Cerebral), and HHS has warned covered entities about it. Put the link or frame only on pages without trackers.
      </p>
      {origins.length === 0 ? (
        <p>
          Framing is off (the default): browsers refuse to show the form inside another site. Your technical contact can allow specific sites
          with the <code>EMBED_ALLOWED_ORIGINS</code> setting (see <code>docs/integrations.md</code>).
        </p>
      ) : (
        <>
          <p>These sites may show the form in a frame: {origins.join(", ")}. The “Leave this site” button still leaves the whole tab.</p>
          {LOCALE_LIST.map((entry) => (
            <pre className="snippet" key={entry.code}>
              <code>{embedFrameSnippet(env.PUBLIC_URL, entry.code)}</code>
            </pre>
          ))}
        </>
      )}
    </>
  );
}
