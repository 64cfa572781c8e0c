"use client";

import { useActionState } from "react";
import { searchInboxAction, type InboxSearchState } from "@/app/staff/(signed-in)/inquiries/search-action";
import type { InboxLabels } from "@/components/staff/inbox/inbox-types";
import { InboxTable } from "@/components/staff/inbox/InboxTable";

const KIND_WORDS = { reference: "reference code", phone: "phone number", email: "email address", name: "first name" } as const;

// Search by reference code, exact phone, exact email or exact first name,
// across every stage. Posted to a server action (works without JavaScript
// too); results replace each other and are announced.
export function InboxSearch({ labels }: { labels: InboxLabels }) {
  const [state, search, pending] = useActionState<InboxSearchState, FormData>(searchInboxAction, null);
  const error = state && !state.ok ? (state.fieldErrors.q?.[0] ?? null) : null;
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
            defaultValue={state?.term ?? ""}
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
        {state ? summary(state) : ""}
      </p>
      {state?.ok && state.rows.length > 0 ? (
        <InboxTable rows={state.rows} labels={labels} caption="Search results, urgent first, then newest" />
      ) : null}
    </section>
  );
}

// One short sentence for the status region; the table itself is not read out
// on every search.
function summary(state: NonNullable<InboxSearchState>): string {
  if (!state.ok) return state.formError ?? "";
  const what = state.kinds.map((kind) => KIND_WORDS[kind]).join(" or ");
  if (state.rows.length === 0) return `No inquiry matches that ${what}.`;
  const count = state.more ? `The first ${state.rows.length} inquiries` : state.rows.length === 1 ? "1 inquiry" : `${state.rows.length} inquiries`;
  return `${count} match${state.rows.length === 1 && !state.more ? "es" : ""} that ${what}.${state.more ? " There are more: try a more specific search." : ""}`;
}
