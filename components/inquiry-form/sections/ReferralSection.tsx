"use client";

import { ChoiceGroup, TextField } from "@/components/inquiry-form/inputs";
import { LIMITS } from "@/lib/validations/inquiry-options";

// 42 CFR Part 2 §2.13: a referrer must never learn from us whether the person
// contacted us or entered treatment, unless that person consents. Say so here.
export function ReferralSection({ alwaysShown }: { alwaysShown: boolean }) {
  return (
    <section aria-labelledby="referral-title">
      <h2 id="referral-title">About you{alwaysShown ? " (only if you are asking for someone else)" : ""}</h2>
      <p className="note">
        We keep the person’s information private. We will not tell you whether they contacted us or started a programme
        unless they agree to it.
      </p>
      <TextField name="referrerName" autoComplete="name" maxLength={LIMITS.referrerName} label="Your name" />
      <TextField
        name="referrerRelationship"
        maxLength={LIMITS.referrerRelationship}
        label="How do you know them?"
        hint="For example: parent, partner, friend, counselor, case manager."
      />
      <ChoiceGroup
        name="personAware"
        type="radio"
        label="Do they know you are reaching out to us?"
        options={[
          { value: "YES", label: "Yes" },
          { value: "NO", label: "No" },
          { value: "NOT_SURE", label: "I am not sure" },
        ]}
      />
    </section>
  );
}
