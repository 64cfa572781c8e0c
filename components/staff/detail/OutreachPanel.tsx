import type { Outreach } from "./outreach-channels";
import { OutreachLogForm } from "./OutreachLogForm";

const WORDING = {
  CALL: { summary: "Call", link: "I understand: call", after: "After the call, log what happened" },
  TEXT: { summary: "Send a text", link: "I understand: write a text to", after: "After texting, log it" },
} as const;

// Click-to-call and click-to-text from the record, for the channels the
// person agreed to. The link sits inside a disclosure that has to be opened
// first, so the cautions (no voicemail, do not name the programme) are read
// before dialling, with or without JavaScript, by keyboard (the summary is a
// button to assistive technology).
export function OutreachPanel(props: { inquiryId: string; phoneDisplay: string | null; outreach: Outreach }) {
  return (
    <section aria-labelledby="outreach-heading" className="panel">
      <h2 id="outreach-heading">Call or text</h2>
      {props.outreach.notOffered.length > 0 ? (
        <ul className="outreach-not-offered">
          {props.outreach.notOffered.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ) : null}
      {props.outreach.channels.map((channel) => {
        const words = WORDING[channel.channel];
        return (
          <details key={channel.channel} className="outreach">
            <summary>{`${words.summary} ${props.phoneDisplay ?? ""}`.trim()}</summary>
            <p className="outreach-lead">Before you {channel.channel === "CALL" ? "dial" : "write"}:</p>
            <ul className="discreet-flags">
              {channel.cautions.map((caution) => (
                <li key={caution} className="discreet-flag discreet-flag--caution">
                  {caution}
                </li>
              ))}
            </ul>
            <p>
              <a className="button-primary" href={channel.href}>
                {`${words.link} ${props.phoneDisplay ?? ""}`.trim()}
              </a>
            </p>
            <OutreachLogForm inquiryId={props.inquiryId} legend={words.after} outcomes={channel.outcomes} />
          </details>
        );
      })}
    </section>
  );
}
