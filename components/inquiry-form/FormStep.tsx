import { stepHeadingId, type StepId } from "@/components/inquiry-form/steps";

// One step of the guided flow. Inactive steps stay in the form, hidden, so
// their answers are kept and posted; without JavaScript every step is shown.
// When guided, the heading can take focus so each new step is announced.
export function FormStep(props: { id: StepId; title: string; active: boolean; guided: boolean; children: React.ReactNode }) {
  return (
    <section className="form-step" aria-labelledby={stepHeadingId(props.id)} hidden={!props.active}>
      <h2 id={stepHeadingId(props.id)} tabIndex={props.guided ? -1 : undefined}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}
