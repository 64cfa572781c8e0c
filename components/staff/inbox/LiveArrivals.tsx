"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

const POLL_MS = 15_000;

// New arrivals without a reload: every 15 s (while the tab is visible) ask
// how many inquiries in this view arrived since the page was rendered, and
// offer to show them. The poll does not count as activity (the server reads
// the session with touch: false), and showing them is the person's choice, so
// an unattended inbox still signs out after the idle timeout.
export function LiveArrivals(props: { sinceMs: number; query: string; firstPage: boolean }) {
  const router = useRouter();
  const [arrived, setArrived] = useState({ total: 0, urgent: 0 });

  useEffect(() => {
    let stopped = false;
    const url = `/api/staff/inbox/updates?${props.query}${props.query ? "&" : ""}since=${props.sinceMs}`;
    const poll = async () => {
      if (stopped || document.visibilityState !== "visible") return;
      try {
        const response = await fetch(url, { cache: "no-store", credentials: "same-origin" });
        // Signed out: stop; the idle warning (IdleWarning) takes the person to sign-in.
        if (response.status === 401 || response.status === 403) stopped = true;
        if (!response.ok) return;
        const counts = (await response.json()) as { total: number; urgent: number };
        if (!stopped) setArrived({ total: counts.total, urgent: counts.urgent });
      } catch {
        // Offline for a moment: the next poll tries again.
      }
    };
    const timer = window.setInterval(() => void poll(), POLL_MS);
    const onVisible = () => void poll();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [props.sinceMs, props.query]);

  const show = () => {
    setArrived({ total: 0, urgent: 0 });
    if (props.firstPage) router.refresh();
    else router.push(`/staff/inquiries${props.query ? `?${props.query}` : ""}`);
  };

  return (
    <div className="live-arrivals" role="status">
      {arrived.total > 0 ? (
        <p className="alert">
          {arrived.total === 1 ? "1 new inquiry" : `${arrived.total} new inquiries`}
          {arrived.urgent > 0 ? ` (${arrived.urgent} urgent)` : ""} since this page was loaded.{" "}
          <button type="button" className="button-secondary" onClick={show}>
            Show {arrived.total === 1 ? "it" : "them"}
          </button>
        </p>
      ) : null}
    </div>
  );
}
