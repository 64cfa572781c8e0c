"use client";

import { useFormContext } from "react-hook-form";
import { describedBy, fieldIds } from "@/components/ui/field-ids";
import { FieldError, FieldHint } from "@/components/ui/FieldMessage";
import { useFieldError } from "@/components/inquiry-form/field-errors-context";
import type { InquiryField } from "@/lib/validations/inquiry";

// Form controls bound to react-hook-form. They also render their default value
// as an HTML attribute, because without JavaScript the server-rendered page is
// all there is: answers sent back with errors must appear in the inputs.

// `shouldUnregister`: the value is dropped when the field unmounts (answers
// about a referrer, once the person says the request is for themselves).
type Common = { name: InquiryField; label: React.ReactNode; hint?: React.ReactNode; shouldUnregister?: boolean };

// `errorShownAt`: the id of the message that a surrounding group shows for
// this field and a neighbour at once; the field is then marked invalid and
// described by that message instead of repeating it.
type TextFieldProps = Common & {
  type?: "text" | "tel" | "email";
  autoComplete?: string;
  multiline?: boolean;
  maxLength: number;
  errorShownAt?: string;
};

export function TextField(props: TextFieldProps) {
  const { register, formState } = useFormContext();
  const error = useFieldError(props.name);
  const ids = fieldIds(props.name);
  const ownError = error !== undefined && props.errorShownAt === undefined;
  const describedByIds = [props.hint ? ids.hintId : null, error ? (props.errorShownAt ?? ids.errorId) : null].filter(Boolean);
  const common = {
    id: ids.id,
    maxLength: props.maxLength,
    defaultValue: String(formState.defaultValues?.[props.name] ?? ""),
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedByIds.length > 0 ? describedByIds.join(" ") : undefined,
    ...register(props.name, { shouldUnregister: props.shouldUnregister }),
  };
  return (
    <div className={ownError ? "field field--error" : "field"}>
      <label htmlFor={ids.id}>{props.label}</label>
      {props.hint ? <FieldHint name={props.name}>{props.hint}</FieldHint> : null}
      <FieldError name={props.name} message={ownError ? error : undefined} />
      {props.multiline ? (
        <textarea rows={5} {...common} />
      ) : (
        <input type={props.type ?? "text"} autoComplete={props.autoComplete ?? "off"} spellCheck={false} {...common} />
      )}
    </div>
  );
}

export function ChoiceGroup(props: Common & { type: "radio" | "checkbox"; options: readonly { value: string; label: React.ReactNode }[] }) {
  const { register, formState } = useFormContext();
  const error = useFieldError(props.name);
  const ids = fieldIds(props.name);
  const current = formState.defaultValues?.[props.name];
  const isDefault = (value: string) => (Array.isArray(current) ? current.includes(value) : current === value);
  return (
    <fieldset
      className={error ? "field field--error" : "field"}
      aria-describedby={describedBy(props.name, { hint: Boolean(props.hint), error: Boolean(error) })}
    >
      <legend>{props.label}</legend>
      {props.hint ? <FieldHint name={props.name}>{props.hint}</FieldHint> : null}
      <FieldError name={props.name} message={error} />
      {props.options.map((option, index) => {
        const id = index === 0 ? ids.id : `${ids.id}-${option.value}`;
        return (
          <div className="choice" key={option.value}>
            <input
              type={props.type}
              id={id}
              value={option.value}
              defaultChecked={isDefault(option.value)}
              {...register(props.name, { shouldUnregister: props.shouldUnregister })}
            />
            <label htmlFor={id}>{option.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}

export function Checkbox(props: Common) {
  const { register, formState } = useFormContext();
  const error = useFieldError(props.name);
  const ids = fieldIds(props.name);
  return (
    <div className={error ? "field field--error choice" : "choice"}>
      <FieldError name={props.name} message={error} />
      <input
        type="checkbox"
        id={ids.id}
        defaultChecked={formState.defaultValues?.[props.name] === true}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props.name, { hint: Boolean(props.hint), error: Boolean(error) })}
        {...register(props.name)}
      />
      <label htmlFor={ids.id}>{props.label}</label>
      {props.hint ? <FieldHint name={props.name}>{props.hint}</FieldHint> : null}
    </div>
  );
}
