"use client";

import { useEffect, useRef, useState } from "react";

// Warns before automatic logoff and lets the person stay. The server is the
// authority (lib/auth/staff-session.ts): when this clock says the warning is
// due, it first asks the server, because navigation or another tab may have
// moved the expiry on; the warning shows only if the server agrees.
// The two session actions come from the layout (components never import from app/).
export function IdleWarning(props: {
  idleExpiresAt: string;
  warningSeconds: number;
  keepAlive: () => Promise<{ idleExpiresAt: string }>;
  readExpiry: () => Promise<{ idleExpiresAt: string | null }>;
}) {
  const [expiresAt, setExpiresAt] = useState(() => Date.parse(props.idleExpiresAt));
  const [confirmedFor, setConfirmedFor] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const stayButton = useRef<HTMLButtonElement>(null);
  const secondsLeft = Math.max(0, Math.round((expiresAt - now) / 1000));
  const due = secondsLeft <= props.warningSeconds;
  const showing = due && confirmedFor === expiresAt;
  const { readExpiry } = props;

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);

  useEffect(() => {
    if (!due || (confirmedFor === expiresAt && secondsLeft > 0)) return;
    let cancelled = false;
    void readExpiry().then(({ idleExpiresAt }) => {
      if (cancelled) return;
      const serverExpiry = idleExpiresAt ? Date.parse(idleExpiresAt) : 0;
      if (serverExpiry <= Date.now()) {
        // A full page load, not a client navigation: nothing from the
        // records on screen stays in this tab's memory.
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination
        window.location.assign("/staff/sign-in?idle=1");
        return;
      }
      setExpiresAt(serverExpiry);
      setConfirmedFor(serverExpiry);
    });
    return () => {
      cancelled = true;
    };
  }, [due, confirmedFor, expiresAt, secondsLeft, readExpiry]);

  useEffect(() => {
    if (showing) stayButton.current?.focus();
  }, [showing]);

  if (!showing) return null;
  const minutes = Math.floor(secondsLeft / 60);
  const seconds = String(secondsLeft % 60).padStart(2, "0");
  return (
    <div className="idle-warning" role="alertdialog" aria-labelledby="idle-warning-title" aria-describedby="idle-warning-text">
      <h2 id="idle-warning-title">Still there?</h2>
      <p id="idle-warning-text">
        To protect the records, you will be signed out in {minutes}:{seconds}.
      </p>
      <button
        ref={stayButton}
        className="button-primary"
        type="button"
        onClick={() => void props.keepAlive().then(({ idleExpiresAt }) => setExpiresAt(Date.parse(idleExpiresAt)))}
      >
        Stay signed in
      </button>
    </div>
  );
}
