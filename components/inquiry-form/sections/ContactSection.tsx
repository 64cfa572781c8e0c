"use client";

import { ChoiceGroup, Checkbox, TextField } from "@/components/inquiry-form/inputs";
import { LIMITS } from "@/lib/validations/inquiry-options";

// Discreet-contact choices start unticked: the most private option is the
// default, because a phone may be shared or a voicemail overheard.
export function ContactSection() {
  return (
    <section aria-labelledby="contact-title">
      <h2 id="contact-title">How we can reach you</h2>
      <p className="note">Give us a phone number, an email address, or both.</p>
      <TextField name="phone" type="tel" autoComplete="tel" maxLength={LIMITS.phone} label="Phone number" hint="For example 555-201-3344." />
      <TextField name="email" type="email" autoComplete="email" maxLength={LIMITS.email} label="Email address" />
      <ChoiceGroup
        name="preferredContactMethod"
        type="radio"
        label="How should we contact you?"
        options={[
          { value: "PHONE", label: "Phone call" },
          { value: "TEXT", label: "Text message" },
          { value: "EMAIL", label: "Email" },
        ]}
      />
      <ChoiceGroup
        name="bestTimes"
        type="checkbox"
        label="Best times to reach you"
        hint="Choose any that suit you, or none if any time is fine."
        options={[
          { value: "MORNING", label: "Morning (8 am to noon)" },
          { value: "AFTERNOON", label: "Afternoon (noon to 5 pm)" },
          { value: "EVENING", label: "Evening (5 pm to 8 pm)" },
        ]}
      />
      <fieldset className="field">
        <legend>Keeping contact private</legend>
        <p className="hint">Leave these unticked if you are not sure. We will be discreet either way.</p>
        <Checkbox name="okToLeaveVoicemail" label="It is OK to leave a voicemail" />
        <Checkbox name="okToText" label="It is OK to send text messages" />
        <Checkbox name="okToNameProgramme" label="It is OK to say the name of our programme when we call or leave a message" />
      </fieldset>
    </section>
  );
}
