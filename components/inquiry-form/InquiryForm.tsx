"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { Confirmation, type ClinicContact } from "@/components/inquiry-form/Confirmation";
import { FieldErrorsContext } from "@/components/inquiry-form/field-errors-context";
import { handoffForThisPage, saveHandoff, type Handoff } from "@/components/inquiry-form/form-handoff";
import { INITIAL_FORM_STATE, type InquiryFormState } from "@/components/inquiry-form/form-state";
import { FormStep } from "@/components/inquiry-form/FormStep";
import { ReviewSummary } from "@/components/inquiry-form/ReviewSummary";
import { solveProofOfWork } from "@/components/inquiry-form/solve-proof-of-work";
import { ConsentSection } from "@/components/inquiry-form/sections/ConsentSection";
import { ContactSection } from "@/components/inquiry-form/sections/ContactSection";
import { InsuranceSection } from "@/components/inquiry-form/sections/InsuranceSection";
import { PersonSection } from "@/components/inquiry-form/sections/PersonSection";
import { PreferencesSection } from "@/components/inquiry-form/sections/PreferencesSection";
import { WhoSection } from "@/components/inquiry-form/sections/WhoSection";
import { FIELD_ORDER, STEP_FIELDS, stepOf } from "@/components/inquiry-form/steps";
import { useGuidedSteps } from "@/components/inquiry-form/use-guided-steps";
import { LANGUAGE_SWITCH_EVENT } from "@/components/site/LanguageSwitch";
import { CrisisBlock } from "@/components/ui/CrisisBlock";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import type { Locale } from "@/lib/i18n/locales";
import { InquirySchema, type InquiryField, type InquiryInput } from "@/lib/validations/inquiry";
import { CONSENT_TEXT_VERSION, type ReferralSourceOption } from "@/lib/validations/inquiry-options";
import type { PayerOption } from "@/lib/validations/insurance-options";

// `submit` is the page's server action (components never import from app/).
// `referralSources`: the "how did you hear about us" choices, worded for
// `locale` by the page; `payers`: the active payer list (may be empty: then
// only "other" is offered). Admins edit both, so they are read per request.
type Props = {
  locale: Locale;
  formToken: string;
  clinic: ClinicContact;
  privacyHref: string;
  submit: (previous: InquiryFormState, form: FormData) => Promise<InquiryFormState>;
  payers?: readonly PayerOption[];
  referralSources: readonly ReferralSourceOption[];
};

const INSURANCE_FIELDS = ["insuranceKind", "insurancePayer", "insurancePayerOther", "insuranceMemberId", "insurancePolicyHolder"] as const;

const noSubscription = () => () => {};

// Answers handed over by a language switch (see form-handoff.ts) can only be
// read in the browser, so the server's form is hydrated first; then the form
// is mounted afresh with them as its defaults: inputs render already filled
// and ticked, which react-hook-form's reset() cannot do for radios and
// checkboxes already on the page. Both happen in the render that follows
// hydration, so the fresh guided form is never shown in between.
export function InquiryForm(props: Props) {
  const handoff = useSyncExternalStore(noSubscription, handoffForThisPage, () => undefined);
  return <GuidedForm key={handoff ? "handed-over" : "fresh"} {...props} handoff={handoff} />;
}

// Works twice over: as one plain HTML form posting to the server action (no
// JavaScript), and, once hydrated, as a guided flow validated step by step in
// the browser by the same Zod schema the server uses.
function GuidedForm(props: Props & { handoff: Handoff | undefined }) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(props.submit, INITIAL_FORM_STATE);
  // false while server-rendering and hydrating, true once React runs here.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const returned = state.status === "invalid" || state.status === "failed" || state.status === "challenge" ? state.values : (props.handoff?.values ?? {});
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<InquiryInput>({
    resolver: zodResolver(InquirySchema),
    // consentTextVersion is posted by a hidden input; it is a default here so
    // the browser-side check sees the version the page shows.
    defaultValues: { preferredLanguage: props.locale, bestTimes: [], ...returned, consentTextVersion: CONSENT_TEXT_VERSION },
    // Errors change only when the person presses Continue or Send (the GOV.UK
    // pattern): an error vanishing on blur moved the page under the pointer
    // and swallowed the click that caused the blur.
    mode: "onSubmit",
    reValidateMode: "onSubmit",
    // The error summary takes focus instead (it lists and links every problem).
    shouldFocusError: false,
  });
  const steps = useGuidedSteps(form, props.handoff?.step);
  // Every Continue or Send counts, so the error summary takes focus each time.
  const [attempt, setAttempt] = useState(0);
  const requesterType = useWatch({ control: form.control, name: "requesterType" });
  const inCrisis = useWatch({ control: form.control, name: "inCrisis" });
  const { goTo, step: currentStep } = steps;
  const { locale } = props;
  const payers = props.payers ?? [];
  // Skipping the insurance step forgets whatever it held, so nothing the
  // person chose not to give is sent.
  const skipInsurance = useCallback(() => {
    for (const field of INSURANCE_FIELDS) form.setValue(field, field === "insurancePayerOther" || field === "insuranceMemberId" ? "" : null);
    form.clearErrors([...INSURANCE_FIELDS]);
    goTo("review");
  }, [form, goTo]);

  useEffect(() => {
    const onSwitch = () => {
      const { preferredLanguage, ...values } = form.getValues();
      // Left at this page's language, the call-back language was not chosen by
      // the person: the next page's own language becomes the default there.
      saveHandoff({ values: preferredLanguage === locale ? values : { ...values, preferredLanguage }, step: currentStep });
    };
    window.addEventListener(LANGUAGE_SWITCH_EVENT, onSwitch);
    return () => window.removeEventListener(LANGUAGE_SWITCH_EVENT, onSwitch);
  }, [form, locale, currentStep]);

  useEffect(() => {
    if (state.status !== "invalid") return;
    const fields = Object.keys(state.fieldErrors);
    for (const field of fields) {
      const code = state.fieldErrors[field]?.[0];
      if (code) form.setError(field as InquiryField, { type: "server", message: code });
    }
    const first = FIELD_ORDER.find((field) => fields.includes(field));
    if (first) goTo(stepOf(first), { focusHeading: false });
  }, [state, form, goTo]);

  // Asked for a proof of work: solve it and send the same answers again with
  // the solution. Without JavaScript this never runs and the message below
  // offers the phone instead.
  useEffect(() => {
    if (state.status !== "challenge" || !formRef.current) return;
    const formElement = formRef.current;
    const abort = new AbortController();
    void solveProofOfWork(state.challenge, abort.signal).then((solution) => {
      if (!solution || abort.signal.aborted) return;
      const data = new FormData(formElement);
      data.set("altcha", solution);
      startTransition(() => formAction(data));
    });
    return () => abort.abort();
  }, [state, formAction]);

  const clientErrors = form.formState.errors;
  const errorFor = useCallback(
    (name: string) => {
      const serverErrors = state.status === "invalid" ? state.fieldErrors : {};
      const code = hydrated ? clientErrors[name as InquiryField]?.message : serverErrors[name]?.[0];
      if (!code) return undefined;
      const key = `errors.${code}` as Parameters<typeof t.has>[0];
      return t.has(key) ? t(key) : t("errors.fallback");
    },
    [hydrated, clientErrors, state, t],
  );

  if (state.status === "received") {
    return <Confirmation referenceCode={state.referenceCode} urgent={state.urgent} clinic={props.clinic} />;
  }

  const visibleFields = hydrated ? STEP_FIELDS[steps.step] : FIELD_ORDER;
  const summary = [
    ...visibleFields.flatMap((field) => {
      const message = errorFor(field);
      return message ? [{ field, message }] : [];
    }).filter((item, index, all) => all.findIndex((other) => other.message === item.message) === index),
    ...(state.status === "invalid" && state.formErrors.length > 0 ? [{ message: t("errors.unreadable") }] : []),
  ];
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempt((count) => count + 1);
    // Enter in a text box moves on a step; only the review step sends.
    if (steps.step !== "review") return void steps.next();
    const formElement = event.currentTarget;
    void form.handleSubmit(
      () => {
        const data = new FormData(formElement);
        startTransition(() => formAction(data));
      },
      (errors) => {
        const first = FIELD_ORDER.find((field) => field in errors);
        if (first) goTo(stepOf(first), { focusHeading: false });
      },
    )(event);
  };
  const formToken = state.status === "failed" && state.formToken ? state.formToken : props.formToken;
  const solving = hydrated && state.status === "challenge";
  const failure =
    state.status === "failed"
      ? t(`failures.${state.reason}`, { phone: props.clinic.phone })
      : state.status === "challenge"
        ? t(hydrated ? "failures.challengeSolving" : "failures.challengeNoScript", { phone: props.clinic.phone })
        : undefined;
  const stepProps = (id: (typeof steps)["step"]) => ({
    id,
    title: t(`form.steps.${id}`),
    active: !hydrated || steps.step === id,
    guided: hydrated,
  });

  // Until hydrated ("pending"), browsers that will run scripts lay the
  // server's single-page form out as the guided form's first screen (see
  // globals.css): the progress line holds its place unseen and later steps
  // wait, so nothing moves when the guided form takes over.
  return (
    <FormProvider {...form}>
      <FieldErrorsContext.Provider value={errorFor}>
        <CrisisBlock emphasised={hydrated && inCrisis === true} compact />
        <form
          ref={formRef}
          action={formAction}
          onSubmit={onSubmit}
          noValidate
          className={hydrated ? "inquiry-form" : "inquiry-form inquiry-form--pending"}
          aria-labelledby="form-title"
        >
          <h1 id="form-title">{t("form.heading")}</h1>
          <p className={hydrated ? "progress" : "progress progress--pending"} aria-live="polite">
            {t("form.progress", { current: steps.index + 1, total: steps.total })}
            <progress max={steps.total} value={steps.index + 1} aria-hidden="true" />
          </p>
          <div aria-live="polite">
            {failure ? (
              <p className="form-alert" role="alert">
                {failure}
              </p>
            ) : null}
            <ErrorSummary items={summary} focusKey={attempt} serverResult={state} />
          </div>
          <input type="hidden" name="locale" value={props.locale} />
          <input type="hidden" name="formToken" value={formToken} />
          <div className="honeypot" aria-hidden="true">
            <label htmlFor="website">{t("form.honeypot")}</label>
            <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>
          <FormStep {...stepProps("who")}>
            <WhoSection />
          </FormStep>
          <FormStep {...stepProps("person")}>
            <PersonSection requesterType={hydrated ? requesterType : undefined} />
          </FormStep>
          <FormStep {...stepProps("contact")}>
            <ContactSection />
          </FormStep>
          <FormStep {...stepProps("more")}>
            <PreferencesSection referralSources={props.referralSources} />
          </FormStep>
          <FormStep {...stepProps("insurance")}>
            <InsuranceSection payers={payers} guided={hydrated} onSkip={skipInsurance} />
          </FormStep>
          <FormStep {...stepProps("review")}>
            {hydrated ? <ReviewSummary onChange={goTo} payers={payers} referralSources={props.referralSources} /> : null}
            <ConsentSection privacyHref={props.privacyHref} />
          </FormStep>
          <div className="form-actions">
            {hydrated && steps.index > 0 ? (
              <button type="button" className="button-secondary" onClick={steps.back}>
                {t("form.back")}
              </button>
            ) : null}
            {hydrated && steps.step !== "review" ? (
              <button type="submit" className="button-primary">
                {t("form.continue")}
              </button>
            ) : (
              <button type="submit" className="button-primary" disabled={pending || solving}>
                {pending || solving ? t("form.sending") : t("form.submit")}
              </button>
            )}
          </div>
        </form>
      </FieldErrorsContext.Provider>
    </FormProvider>
  );
}
