"use client";

import { useActionState, useEffect, useRef } from "react";
import { BEST_TIME_LABELS, CONTACT_METHOD_LABELS, LANGUAGE_LABELS, PERSON_AWARE_LABELS, REQUESTER_LABELS } from "@/components/staff/detail/answer-labels";
import { onSubmitOnce } from "@/components/staff/detail/use-panel-action";
import { CHANNEL_LABELS } from "@/lib/triage/record/inquiry-channel-labels";
import {
  BEST_TIMES,
  CONSENT_TEXT_VERSION,
  CONTACT_METHODS,
  LANGUAGES,
  LIMITS,
  PERSON_AWARE_ANSWERS,
  REQUESTER_TYPES,
  STAFF_ENTRY_CHANNELS,
} from "@/lib/validations/inquiry-options";
import { CheckboxField, ChoiceGroup, fieldId, SelectField, TextAreaField, TextField } from "./fields";
import { fieldErrorOf } from "@/lib/actions/action-state";
import type { NewInquiryAction, NewInquiryState } from "./new-inquiry-state";

// The order of the error summary: the order of the form.
const FIELD_ORDER = [
  "channel",
  "referringOrganisation",
  "receivedAt",
  "requesterType",
  "firstName",
  "referrerName",
  "referrerRelationship",
  "personAware",
  "phone",
  "email",
  "preferredContactMethod",
  "bestTimes",
  "okToLeaveVoicemail",
  "okToText",
  "okToNameProgramme",
  "preferredLanguage",
  "inCrisis",
  "heardAbout",
  "message",
  "consent",
  "consentTextVersion",
];
// A field without a control of its own is linked to the one that shows it.
const LINK_TARGET: Record<string, string> = { consentTextVersion: "consent" };

const options = <T extends string>(values: readonly T[], labels: Record<string, string>) => values.map((value) => ({ value, label: labels[value] ?? value }));

// A phone call, walk-in or referral entered by a coordinator. Every control
// is a plain form field and the action is a server action, so it works by
// keyboard alone and without JavaScript; a refusal lists every problem in an
// error summary (focused) and beside each field, with the answers kept.
export function NewInquiryForm(props: {
  /** The page's server action (components never import from app/). */
  enter: NewInquiryAction;
  formNonce: string;
  defaultReceivedAt: string;
  oldestReceivedAt: string;
  timeZone: string;
  heardAboutOptions: { value: string; label: string }[];
  consentText: { en: string; es: string };
}) {
  const [state, action, pending] = useActionState<NewInquiryState, FormData>(props.enter, null);
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state) summaryRef.current?.focus();
  }, [state]);
  const values = state && !state.ok ? (state.values ?? {}) : {};
  const text = (name: string) => {
    const value = values[name];
    return typeof value === "string" ? value : undefined;
  };
  const list = (name: string): string[] => {
    const value = values[name];
    return typeof value === "string" ? [value] : Array.isArray(value) ? value.map(String) : [];
  };
  const ticked = (name: string) => list(name).includes("on");
  const error = (name: string) => fieldErrorOf(state, name);
  const problems =
    state && !state.ok
      ? [
          ...(state.formError ? [{ field: null, message: state.formError }] : []),
          ...FIELD_ORDER.flatMap((field) => (error(field) ? [{ field, message: error(field) ?? "" }] : [])),
        ]
      : [];

  return (
    // The key remounts the fields with the posted answers after each refusal
    // (React resets a form once its action has run).
    <form action={action} onSubmit={onSubmitOnce(pending)} noValidate className="inquiry-form" key={JSON.stringify(state && !state.ok ? (state.values ?? null) : null)}>
      {problems.length > 0 ? (
        <div className="error-summary" ref={summaryRef} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">{problems.length === 1 ? "There is a problem" : `There are ${problems.length} problems`}</h2>
          <ul>
            {problems.map((problem, index) => (
              <li key={`${problem.field ?? "form"}-${index}`}>{problem.field ? <a href={`#${fieldId(LINK_TARGET[problem.field] ?? problem.field)}`}>{problem.message}</a> : problem.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <input type="hidden" name="formNonce" value={props.formNonce} />
      <input type="hidden" name="consentTextVersion" value={CONSENT_TEXT_VERSION} />

      <section aria-labelledby="arrival-heading">
        <h2 id="arrival-heading">How it arrived</h2>
        <SelectField name="channel" label="Channel" placeholder="Choose…" options={options(STAFF_ENTRY_CHANNELS, CHANNEL_LABELS)} defaultValue={text("channel")} error={error("channel")} />
        <TextField
          name="referringOrganisation"
          label="Referring organisation (optional)"
          hint="For a referral from a partner: the clinic, hospital, court or agency that sent it."
          maxLength={LIMITS.referringOrganisation}
          defaultValue={text("referringOrganisation")}
          error={error("referringOrganisation")}
        />
        <TextField
          name="receivedAt"
          type="datetime-local"
          label="Time of first contact"
          hint={`On the clinic's clocks (${props.timeZone}). The response clock starts here. Not later than now, nor more than 30 days ago.`}
          defaultValue={text("receivedAt") ?? props.defaultReceivedAt}
          max={props.defaultReceivedAt}
          min={props.oldestReceivedAt}
          error={error("receivedAt")}
        />
      </section>

      <section aria-labelledby="person-heading">
        <h2 id="person-heading">Who is asking</h2>
        <ChoiceGroup name="requesterType" kind="radio" label="They are asking" options={options(REQUESTER_TYPES, REQUESTER_LABELS)} checked={list("requesterType")} error={error("requesterType")} />
        <TextField name="firstName" label="First name of the person who needs support" maxLength={LIMITS.firstName} defaultValue={text("firstName")} error={error("firstName")} />
        <TextField name="referrerName" label="Name of the person asking on their behalf" hint="Only when someone asks for another person." maxLength={LIMITS.referrerName} defaultValue={text("referrerName")} error={error("referrerName")} />
        <TextField name="referrerRelationship" label="Their relationship to the person" hint="Only when someone asks for another person." maxLength={LIMITS.referrerRelationship} defaultValue={text("referrerRelationship")} error={error("referrerRelationship")} />
        <ChoiceGroup name="personAware" kind="radio" label="Does the person know about this request?" hint="Only when someone asks for another person." options={options(PERSON_AWARE_ANSWERS, PERSON_AWARE_LABELS)} checked={list("personAware")} error={error("personAware")} />
      </section>

      <section aria-labelledby="contact-heading">
        <h2 id="contact-heading">How to reach them</h2>
        <TextField name="phone" type="tel" label="Phone number" maxLength={LIMITS.phone} defaultValue={text("phone")} error={error("phone")} />
        <TextField name="email" type="email" label="Email address" maxLength={LIMITS.email} defaultValue={text("email")} error={error("email")} />
        <ChoiceGroup name="preferredContactMethod" kind="radio" label="Preferred way to be contacted" options={options(CONTACT_METHODS, CONTACT_METHOD_LABELS)} checked={list("preferredContactMethod")} error={error("preferredContactMethod")} />
        <ChoiceGroup name="bestTimes" kind="checkbox" label="Best times to reach them (optional)" options={options(BEST_TIMES, BEST_TIME_LABELS)} checked={list("bestTimes")} error={error("bestTimes")} />
        <CheckboxField name="okToLeaveVoicemail" label="They agreed that we may leave a voicemail" defaultChecked={ticked("okToLeaveVoicemail")} error={error("okToLeaveVoicemail")} />
        <CheckboxField name="okToText" label="They agreed that we may send text messages" defaultChecked={ticked("okToText")} error={error("okToText")} />
        <CheckboxField name="okToNameProgramme" label="They agreed that we may name the programme when we call or write" defaultChecked={ticked("okToNameProgramme")} error={error("okToNameProgramme")} />
        <SelectField name="preferredLanguage" label="Preferred language" options={options(LANGUAGES, LANGUAGE_LABELS)} defaultValue={text("preferredLanguage") ?? "en"} error={error("preferredLanguage")} />
      </section>

      <section aria-labelledby="about-heading">
        <h2 id="about-heading">About the request</h2>
        <CheckboxField name="inCrisis" label="They are in crisis or need help urgently" hint="Marks the inquiry urgent. In an emergency, follow the crisis protocol first." defaultChecked={ticked("inCrisis")} error={error("inCrisis")} />
        <SelectField name="heardAbout" label="How they heard of us (optional)" placeholder="Not asked" options={props.heardAboutOptions} defaultValue={text("heardAbout")} error={error("heardAbout")} />
        <TextAreaField name="message" label="What they told us (optional)" hint="Only what they were comfortable sharing." maxLength={LIMITS.message} defaultValue={text("message")} error={error("message")} />
      </section>

      <section aria-labelledby="consent-heading">
        <h2 id="consent-heading">Their consent</h2>
        <p>Read this to the person (wording version {CONSENT_TEXT_VERSION}):</p>
        <blockquote>
          <p>“{props.consentText.en}”</p>
          <p lang="es">En español: “{props.consentText.es}”</p>
        </blockquote>
        <CheckboxField name="consent" label="They agreed to this, as read to them" defaultChecked={ticked("consent")} error={error("consent") ?? error("consentTextVersion")} />
      </section>

      <div className="form-actions">
        <button className="button-primary" type="submit" aria-disabled={pending}>
          Save inquiry
        </button>
      </div>
    </form>
  );
}
