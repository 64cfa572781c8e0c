"use client";

import { useEffect, useRef, type FormEvent } from "react";

// Two keyboard-and-screen-reader needs of the detail page's small forms.
//
// A button stays focusable while its action runs (aria-disabled instead of
// disabled: Chromium drops focus to <body> when the focused button becomes
// disabled), and a second press while pending does nothing: this onSubmit
// handler cancels it (React then does not run the form's action). The form
// keeps the server action itself as its action, so it also posts without
// JavaScript. `also` runs for a submission that goes ahead.
export function onSubmitOnce(pending: boolean, also?: () => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    if (pending) event.preventDefault();
    else also?.();
  };
}

// When an action's result removes the button that had focus (e.g. "Assign to
// me" once assigned), focus moves to the panel's heading instead of falling
// to <body>. Pass every action state of the panel.
export function useFocusHeadingAfter(states: readonly unknown[]) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (states.some(Boolean) && (!document.activeElement || document.activeElement === document.body)) headingRef.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the states themselves are the trigger
  }, states);
  return headingRef;
}
