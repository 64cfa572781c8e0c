import type { ReactNode } from "react";

// Plain, uncontrolled form controls for the "New inquiry" form: each with a
// visible label, an optional hint and its error tied by aria-describedby, so
// the form posts and reads the same with or without JavaScript. Ids follow
// "field-<name>" so the error summary can link to each control.
export type FieldProps = { name: string; label: string; hint?: ReactNode; error?: string };

export const fieldId = (name: string) => `field-${name}`;

function describedBy(name: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint ? `${fieldId(name)}-hint` : null, error ? `${fieldId(name)}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function HintAndError({ name, hint, error }: Pick<FieldProps, "name" | "hint" | "error">) {
  return (
    <>
      {hint ? (
        <p className="hint" id={`${fieldId(name)}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${fieldId(name)}-error`}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
    </>
  );
}

export function TextField(props: FieldProps & { defaultValue?: string; type?: "text" | "tel" | "email" | "datetime-local"; maxLength?: number; autoComplete?: string; max?: string; min?: string }) {
  return (
    <div className={props.error ? "field field--error" : "field"}>
      <label htmlFor={fieldId(props.name)}>{props.label}</label>
      <HintAndError {...props} />
      <input
        id={fieldId(props.name)}
        name={props.name}
        type={props.type ?? "text"}
        defaultValue={props.defaultValue}
        maxLength={props.maxLength}
        autoComplete={props.autoComplete ?? "off"}
        max={props.max}
        min={props.min}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props.name, Boolean(props.hint), Boolean(props.error))}
      />
    </div>
  );
}

export function TextAreaField(props: FieldProps & { defaultValue?: string; maxLength: number }) {
  return (
    <div className={props.error ? "field field--error" : "field"}>
      <label htmlFor={fieldId(props.name)}>{props.label}</label>
      <HintAndError {...props} />
      <textarea
        id={fieldId(props.name)}
        name={props.name}
        rows={4}
        defaultValue={props.defaultValue}
        maxLength={props.maxLength}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props.name, Boolean(props.hint), Boolean(props.error))}
      />
    </div>
  );
}

export function SelectField(props: FieldProps & { options: readonly { value: string; label: string }[]; defaultValue?: string; placeholder?: string }) {
  return (
    <div className={props.error ? "field field--error" : "field"}>
      <label htmlFor={fieldId(props.name)}>{props.label}</label>
      <HintAndError {...props} />
      <select
        id={fieldId(props.name)}
        name={props.name}
        defaultValue={props.defaultValue ?? ""}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props.name, Boolean(props.hint), Boolean(props.error))}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

// A radio group (one answer) or a checkbox group (several), as a fieldset
// whose legend names the question. The first control carries the field id
// the error summary links to.
export function ChoiceGroup(props: FieldProps & { kind: "radio" | "checkbox"; options: readonly { value: string; label: string }[]; checked: readonly string[] }) {
  return (
    <fieldset className={props.error ? "field field--error" : "field"} aria-describedby={describedBy(props.name, Boolean(props.hint), Boolean(props.error))}>
      <legend>{props.label}</legend>
      <HintAndError {...props} />
      {props.options.map((option, index) => {
        const id = index === 0 ? fieldId(props.name) : `${fieldId(props.name)}-${option.value}`;
        return (
          <div className="choice" key={option.value}>
            <input id={id} type={props.kind} name={props.name} value={option.value} defaultChecked={props.checked.includes(option.value)} />
            <label htmlFor={id}>{option.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

// One yes/no checkbox ("on" when ticked, as inquiryFromFormData reads it).
export function CheckboxField(props: FieldProps & { defaultChecked: boolean }) {
  return (
    <div className={props.error ? "field field--error" : "field"}>
      <HintAndError {...props} />
      <div className="choice">
        <input
          id={fieldId(props.name)}
          type="checkbox"
          name={props.name}
          defaultChecked={props.defaultChecked}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy(props.name, Boolean(props.hint), Boolean(props.error))}
        />
        <label htmlFor={fieldId(props.name)}>{props.label}</label>
      </div>
    </div>
  );
}
