"use client";

import Link from "next/link";

// The staff area's error screen instead of Next.js's default. It shows the
// error's digest (an opaque id that matches the server log line) so an admin
// can find the logged error class; never the message, which could carry data
// from the record being worked on.
export default function StaffError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="page">
      <h1>Something went wrong</h1>
      <p>The page could not be shown. Nothing was changed by the failed step unless the page you return to says so.</p>
      {error.digest ? (
        <p>
          If this keeps happening, give your administrator this reference: <code>{error.digest}</code>
        </p>
      ) : null}
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>{" "}
        <Link href="/staff/inquiries">Back to the inbox</Link>
      </p>
    </main>
  );
}
