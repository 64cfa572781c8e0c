"use client";

import { useActionState } from "react";
import type { InboxSearchAction, InboxSearchState } from "@/components/staff/inbox/inbox-types";
import type { InboxLabels } from "@/components/staff/inbox/inbox-types";
import { InboxTable } from "@/components/staff/inbox/InboxTable";
import { fieldErrorOf, outcomeOf } from "@/lib/actions/action-state";

// Search by reference code, exact phone, exact email or exact first name,
// across every stage. Posted to a server action (works without JavaScript
// too); results replace each other and are announced.
// `searchAction` is the page's server action (components never import from app/).
export function InboxSearch({ labels, searchAction }: { labels: InboxLabels; searchAction: InboxSearchAction }) {
  const [state, search, pending] = useActionState<InboxSearchState, FormData>(searchAction, null);
  const error = fieldErrorOf(state, "q") ?? null;
  const typed = state?.ok ? state.term : state?.values?.term;
  return (
    <section aria-labelledby="inbox-search-heading" className="inbox-search">
      <h2 id="inbox-search-heading">Find an inquiry</h2>
      <form action={search} role="search" className="form-row">
        <div className="field">
          <label htmlFor="inbox-q">Reference code, phone number, email address or first name</label>
          <p className="hint" id="inbox-q-hint">
            Exact matches only, in every stage. Each search is recorded in the audit log.
          </p>
          <input
            id="inbox-q"
            name="q"
            type="search"
            autoComplete="off"
            spellCheck={false}
            maxLength={254}
            defaultValue={typeof typed === "string" ? typed : ""}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "inbox-q-hint inbox-q-error" : "inbox-q-hint"}
          />
          {error ? (
            <p className="field-error" id="inbox-q-error">
              {error}
            </p>
          ) : null}
        </div>
        <button className="button-primary button-inline" type="submit" disabled={pending}>
          {pending ? "Searching…" : "Search"}
        </button>
      </form>
      <p role="status" className={state && !state.ok && state.formError ? "alert alert--error" : "note"}>
        {state && !state.ok ? (state.formError ?? "") : outcomeOf(state).text}
      </p>
      {state?.ok && state.rows.length > 0 ? (
        <InboxTable rows={state.rows} labels={labels} caption="Search results, urgent first, then newest" />
      ) : null}
    </section>
  );
}

