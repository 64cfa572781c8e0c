"use client";

import clinic from "@/lib/clinic/clinic.json";
import "./globals.css";

// Shown when a root layout itself fails, so neither the locale nor the
// translations can be trusted: both languages, the clinic's phone number, no
// error text (confidentiality rule 1) and no stack trace.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main id="main" className="page">
          <h1>Something went wrong on our side.</h1>
          <p>
            Please try again, or call us at <a href={`tel:${clinic.phone}`}>{clinic.phoneDisplay}</a> ({clinic.hours.en}).
          </p>
          <h2 lang="es">Algo salió mal de nuestro lado.</h2>
          <p lang="es">
            Inténtelo de nuevo o llámenos al <a href={`tel:${clinic.phone}`}>{clinic.phoneDisplay}</a> ({clinic.hours.es}).
          </p>
          <button type="button" className="button-secondary" onClick={reset}>
            Try again / Intentar de nuevo
          </button>
        </main>
      </body>
    </html>
  );
}
