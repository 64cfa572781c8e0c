"use client";

import { createContext, useContext } from "react";

// Which message to show under a field: before hydration (no JavaScript) the
// server action's errors, afterwards react-hook-form's, into which the server
// errors are copied with setError. One source at a time, never both.
export const FieldErrorsContext = createContext<(name: string) => string | undefined>(() => undefined);

export function useFieldError(name: string): string | undefined {
  return useContext(FieldErrorsContext)(name);
}
