"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useCallback, useEffect, useSyncExternalStore } from "react";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { submitInquiryAction } from "@/app/(public)/submit-inquiry-action";
import { Confirmation } from "@/components/inquiry-form/Confirmation";
import { FieldErrorsContext } from "@/components/inquiry-form/field-errors-context";
import { FIELD_ORDER } from "@/components/inquiry-form/field-order";
import { INITIAL_FORM_STATE } from "@/components/inquiry-form/form-state";
import { ConsentSection } from "@/components/inquiry-form/sections/ConsentSection";
import { ContactSection } from "@/components/inquiry-form/sections/ContactSection";
import { PreferencesSection } from "@/components/inquiry-form/sections/PreferencesSection";
import { ReferralSection } from "@/components/inquiry-form/sections/ReferralSection";
import { WhoSection } from "@/components/inquiry-form/sections/WhoSection";
import { CrisisBlock } from "@/components/ui/CrisisBlock";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { InquirySchema, type InquiryField, type InquiryInput } from "@/lib/validations/inquiry";
import { messageFor } from "@/lib/validations/messages";

type Props = { formToken: string; clinicPhone: string; clinicPhoneHref: string; hours: string };

const noSubscription = () => () => {};

const DEFAULTS: Partial<InquiryInput> = {
  preferredLanguage: "en",
  bestTimes: [],
  inCrisis: false,
  okToLeaveVoicemail: false,
  okToText: false,
  okToNameProgramme: false,
  consent: undefined,
};

// Works twice over: as a plain HTML form posting to the server action (no
// JavaScript), and, once hydrated, validated in the browser by the same Zod
// schema the server uses before it is sent.
export function InquiryForm(props: Props) {
  const [state, formAction, pending] = useActionState(submitInquiryAction, INITIAL_FORM_STATE);
  // false while server-rendering and hydrating, true once React runs here.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const returned = state.status === "invalid" || state.status === "failed" ? state.values : {};
  const form = useForm<InquiryInput>({
    resolver: zodResolver(InquirySchema),
    defaultValues: { ...DEFAULTS, ...returned },
    mode: "onTouched",
  });
  const requesterType = useWatch({ control: form.control, name: "requesterType" });
  const inCrisis = useWatch({ control: form.control, name: "inCrisis" });

  useEffect(() => {
    if (state.status !== "invalid") return;
    for (const [field, codes] of Object.entries(state.fieldErrors)) {
      if (codes[0]) form.setError(field as InquiryField, { type: "server", message: codes[0] });
    }
  }, [state, form]);

  const clientErrors = form.formState.errors;
  const errorFor = useCallback(
    (name: string) => {
      const serverErrors = state.status === "invalid" ? state.fieldErrors : {};
      const code = hydrated ? clientErrors[name as InquiryField]?.message : serverErrors[name]?.[0];
      return code ? messageFor(code) : undefined;
    },
    [hydrated, clientErrors, state],
  );

  if (state.status === "received") {
    return <Confirmation {...props} referenceCode={state.referenceCode} urgent={state.urgent} />;
  }

  const summary = [
    ...FIELD_ORDER.flatMap((field) => {
      const message = errorFor(field);
      return message ? [{ field, message }] : [];
    }),
    ...(state.status === "invalid" ? state.formErrors.map(() => ({ message: "Some answers could not be read. Please check the form and send it again." })).slice(0, 1) : []),
  ];
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const formElement = event.currentTarget;
    void form.handleSubmit(() => {
      const data = new FormData(formElement);
      startTransition(() => formAction(data));
    })(event);
  };
  const formToken = (state.status === "failed" || state.status === "invalid") && state.formToken ? state.formToken : props.formToken;

  return (
    <FormProvider {...form}>
      <FieldErrorsContext.Provider value={errorFor}>
        {hydrated && inCrisis === true ? <CrisisBlock emphasised /> : null}
        <form action={formAction} onSubmit={onSubmit} noValidate className="inquiry-form">
          <div aria-live="polite">
            {state.status === "failed" ? <p className="form-alert" role="alert">{state.message}</p> : null}
            <ErrorSummary items={summary} focusKey={form.formState.submitCount} serverResult={state} />
          </div>
          <input type="hidden" name="formToken" value={formToken} />
          <div className="honeypot" aria-hidden="true">
            <label htmlFor="website">Leave this field empty</label>
            <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>
          <WhoSection requesterType={hydrated ? requesterType : undefined} />
          {!hydrated || requesterType === "LOVED_ONE" || requesterType === "PROFESSIONAL" ? (
            <ReferralSection alwaysShown={!hydrated} />
          ) : null}
          <ContactSection />
          <PreferencesSection />
          <ConsentSection />
          <button type="submit" className="button-primary" disabled={pending}>
            {pending ? "Sending…" : "Send my request"}
          </button>
        </form>
      </FieldErrorsContext.Provider>
    </FormProvider>
  );
}
