"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";

// GOV.UK "Exit this page": leaves for a neutral site at once, replacing this
// page in the history so Back does not return to it, and wiping the page first
// so a cached copy shows nothing. Escape pressed three times (within two
// seconds) does the same. Without JavaScript it is a plain link.
export const NEUTRAL_SITE = "https://www.bbc.co.uk/weather";
const PRESSES = 3;
const WINDOW_MS = 2000;

// Inside a clinic's iframe (EMBED_ALLOWED_ORIGINS) the whole tab must leave,
// not just the frame: the top window is replaced (a user gesture allows a
// frame to navigate it; Location.replace is callable across origins).
function leave(): void {
  document.title = "";
  document.body.replaceChildren();
  if (window.top && window.top !== window.self) {
    try {
      window.top.location.replace(NEUTRAL_SITE);
      return;
    } catch {
      // A sandboxed frame without top navigation: leave the frame at least.
    }
  }
  window.location.replace(NEUTRAL_SITE);
}

export function QuickExit() {
  const t = useTranslations("chrome");
  useEffect(() => {
    let presses: number[] = [];
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      const now = Date.now();
      presses = [...presses.filter((time) => now - time < WINDOW_MS), now];
      if (presses.length >= PRESSES) leave();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <a
      className="quick-exit"
      href={NEUTRAL_SITE}
      target="_top"
      rel="noreferrer"
      onClick={(event) => {
        event.preventDefault();
        leave();
      }}
    >
      {t("quickExit")}
      <span className="quick-exit-hint">{t("quickExitHint")}</span>
    </a>
  );
}
