"use client";

import { ChoiceGroup, Checkbox, TextField } from "@/components/inquiry-form/inputs";
import { LIMITS } from "@/lib/validations/inquiry-options";

export function WhoSection({ requesterType }: { requesterType: string | undefined }) {
  const forSomeoneElse = requesterType === "LOVED_ONE" || requesterType === "PROFESSIONAL";
  return (
    <section aria-labelledby="who-title">
      <h2 id="who-title">About the request</h2>
      <ChoiceGroup
        name="requesterType"
        type="radio"
        label="Who is this request for?"
        options={[
          { value: "SELF", label: "Myself" },
          { value: "LOVED_ONE", label: "Someone I care about" },
          { value: "PROFESSIONAL", label: "A client or patient (I am a professional)" },
        ]}
      />
      <Checkbox
        name="inCrisis"
        label="Someone is in danger right now, or having a medical emergency such as an overdose or severe withdrawal"
        hint="If so, please call 911 now. We will also treat this request as urgent."
      />
      <TextField
        name="firstName"
        autoComplete={forSomeoneElse ? "off" : "given-name"}
        maxLength={LIMITS.firstName}
        label={requesterType === undefined ? "First name or nickname of the person who needs support" : forSomeoneElse ? "Their first name or a nickname" : "Your first name or a nickname"}
        hint="A nickname is fine. We only use it when we call back."
      />
    </section>
  );
}
