import { fieldIds } from "@/components/ui/field-ids";

export function FieldHint({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <p className="hint" id={fieldIds(name).hintId}>
      {children}
    </p>
  );
}

export function FieldError({ name, message }: { name: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="field-error" id={fieldIds(name).errorId}>
      <span className="visually-hidden">Error: </span>
      {message}
    </p>
  );
}
