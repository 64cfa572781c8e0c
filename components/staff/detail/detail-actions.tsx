"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { ActionState } from "@/lib/actions/action-state";

// The detail page's server actions, handed down by the page (app/) rather
// than imported here: components never import from app/, so the dependency
// runs one way (app → components → lib). The page wraps the view in this
// provider; each panel takes the actions it posts to.
export type StaffFormAction = (previous: ActionState, form: FormData) => Promise<ActionState>;

export type DetailActions = {
  changeStage: StaffFormAction;
  closeInquiry: StaffFormAction;
  assign: StaffFormAction;
  logAttempt: StaffFormAction;
  continueAttempts: StaffFormAction;
  addNote: StaffFormAction;
  editNote: StaffFormAction;
  resolveDuplicate: StaffFormAction;
  recordEhrConsent: StaffFormAction;
  saveCoverage: StaffFormAction;
  recordVerification: StaffFormAction;
};

const DetailActionsContext = createContext<DetailActions | null>(null);

export function DetailActionsProvider(props: { actions: DetailActions; children: ReactNode }) {
  return <DetailActionsContext.Provider value={props.actions}>{props.children}</DetailActionsContext.Provider>;
}

export function useDetailActions(): DetailActions {
  const actions = useContext(DetailActionsContext);
  if (!actions) throw new Error("useDetailActions: render the panel inside <DetailActionsProvider>");
  return actions;
}
