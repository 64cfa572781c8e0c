"use client";

import { useEffect } from "react";

const TYPING = "input, select, textarea, [contenteditable='true']";

// j / k move the focus to the next / previous inquiry in the list (Enter then
// opens it), like a mail client. Ignored while typing in a field, and with a
// modifier key held, so it never steals a shortcut.
export function InboxKeys() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.key !== "j" && event.key !== "k") || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target;
      if (target instanceof Element && target.closest(TYPING)) return;
      const links = [...document.querySelectorAll<HTMLAnchorElement>("a[data-inbox-row-link]")];
      if (links.length === 0) return;
      const current = links.findIndex((link) => link === document.activeElement);
      const next = current === -1 ? 0 : Math.min(links.length - 1, Math.max(0, current + (event.key === "j" ? 1 : -1)));
      event.preventDefault();
      links[next]?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return null;
}
