"use client";

import { Checkbox } from "@/components/inquiry-form/inputs";
import { CONSENT_TEXT_VERSION } from "@/lib/validations/inquiry-options";

// The consent wording is versioned: the version shown is posted with the form
// and stored with each consent record. Change the text, change the version.
export function ConsentSection() {
  return (
    <section aria-labelledby="consent-title">
      <h2 id="consent-title">Your consent</h2>
      <input type="hidden" name="consentTextVersion" value={CONSENT_TEXT_VERSION} />
      <Checkbox
        name="consent"
        label="I agree that the intake team may store these answers and contact me in the ways I chose above, to talk about support."
        hint={
          <>
            Your answers are kept private and protected by federal law (42 CFR Part 2). Read our{" "}
            <a href="/privacy">privacy notice</a> (version {CONSENT_TEXT_VERSION}).
          </>
        }
      />
    </section>
  );
}
