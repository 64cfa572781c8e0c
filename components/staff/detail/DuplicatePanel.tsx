"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useDetailActions } from "./detail-actions";
import { onSubmitOnce, useFocusHeadingAfter } from "./use-panel-action";
import { FormOutcome } from "./FormOutcome";

export type DuplicateRow = { id: string; referenceCode: string; stageLabel: string; received: string; match: string; canBeOriginal: boolean };

// Other inquiries from the same phone or email. Nothing is merged unless a
// person says so: "close this one as a duplicate of …" or "not a duplicate".
export function DuplicatePanel(props: {
  inquiryId: string;
  state: "NONE" | "FLAGGED" | "CONFIRMED" | "DISMISSED";
  original: { id: string; referenceCode: string } | null;
  candidates: DuplicateRow[];
}) {
  const actions = useDetailActions();
  const [state, action, pending] = useActionState(actions.resolveDuplicate, null);
  const headingRef = useFocusHeadingAfter([state]);
  const undecided = props.state === "NONE" || props.state === "FLAGGED";
  return (
    <section aria-labelledby="duplicates-heading" className={props.state === "FLAGGED" ? "panel panel--flag" : "panel"}>
      <h2 id="duplicates-heading" ref={headingRef} tabIndex={-1}>{props.state === "FLAGGED" ? "Possible duplicate" : "Same phone or email"}</h2>
      {props.state === "CONFIRMED" && props.original ? (
        <p>
          Closed as a duplicate of <Link href={`/staff/inquiries/${props.original.id}`}>{props.original.referenceCode}</Link>. Work on that inquiry.
        </p>
      ) : null}
      {props.state === "DISMISSED" ? <p>Someone checked and marked this as not a duplicate.</p> : null}
      {undecided ? <p>These inquiries share a phone number or email address with this one. Decide whether they are the same request.</p> : null}
      <ul className="duplicates">
        {props.candidates.map((candidate) => (
          <li key={candidate.id}>
            <Link href={`/staff/inquiries/${candidate.id}`}>{candidate.referenceCode}</Link>: {candidate.stageLabel}, received {candidate.received}, same{" "}
            {candidate.match}
            {undecided && candidate.canBeOriginal ? (
              <form action={action} onSubmit={onSubmitOnce(pending)}>
                <input type="hidden" name="inquiryId" value={props.inquiryId} />
                <input type="hidden" name="decision" value="confirm" />
                <input type="hidden" name="originalId" value={candidate.id} />
                <button className="button-secondary" type="submit" aria-disabled={pending}>
                  Close this inquiry as a duplicate of {candidate.referenceCode}
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      {undecided ? (
        <form action={action} onSubmit={onSubmitOnce(pending)}>
          <input type="hidden" name="inquiryId" value={props.inquiryId} />
          <input type="hidden" name="decision" value="dismiss" />
          <button className="button-secondary" type="submit" aria-disabled={pending}>
            Not a duplicate
          </button>
        </form>
      ) : null}
      <FormOutcome state={state} />
    </section>
  );
}
