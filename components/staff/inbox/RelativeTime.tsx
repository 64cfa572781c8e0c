"use client";

import { formatRelative } from "@/components/staff/inbox/inbox-format";
import { useNow } from "@/components/staff/inbox/use-now";

// "12 min ago" or "in 20 min", kept current; the exact time is the title (hover) and is also
// read out by screen readers, which do not announce titles reliably.
export function RelativeTime(props: { iso: string; exact: string; serverNowMs: number }) {
  const now = useNow(props.serverNowMs);
  return (
    <time dateTime={props.iso} title={props.exact}>
      {formatRelative(Date.parse(props.iso), now)}
      <span className="visually-hidden"> ({props.exact})</span>
    </time>
  );
}
