"use client";

import { useCallback, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import { STEP_FIELDS, STEPS, stepHeadingId, type StepId } from "@/components/inquiry-form/steps";
import type { InquiryInput } from "@/lib/validations/inquiry";

// Moves through the steps: forward only when the current step's answers are
// valid, back freely (answers stay, as every step stays in the form), and the
// heading of each new step takes focus so screen readers announce it.
// `initial`: the step to start on (the one a language switch left).
export function useGuidedSteps(form: UseFormReturn<InquiryInput>, initial: StepId = "who") {
  const [step, setStep] = useState<StepId>(initial);
  const index = STEPS.indexOf(step);

  // focusHeading: false when jumping to a step to show its errors, so the
  // error summary keeps the focus it takes.
  const goTo = useCallback((next: StepId, options: { focusHeading?: boolean } = {}) => {
    setStep(next);
    if (options.focusHeading === false) return;
    requestAnimationFrame(() => {
      const heading = document.getElementById(stepHeadingId(next));
      heading?.focus();
      heading?.scrollIntoView({ block: "start" });
    });
  }, []);

  const next = useCallback(async () => {
    const fields = [...STEP_FIELDS[step]];
    if (!(await form.trigger(fields, { shouldFocus: false }))) return false;
    const following = STEPS[index + 1];
    if (following) goTo(following);
    return true;
  }, [form, step, index, goTo]);

  const back = useCallback(() => {
    const previous = STEPS[index - 1];
    if (previous) goTo(previous);
  }, [index, goTo]);

  return { step, index, total: STEPS.length, goTo, next, back };
}
