import { useTranslations } from "next-intl";
import { fieldIds } from "@/components/ui/field-ids";

export function FieldHint({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <p className="hint" id={fieldIds(name).hintId}>
      {children}
    </p>
  );
}

export function FieldError({ name, message }: { name: string; message: string | undefined }) {
  const t = useTranslations("errors");
  if (!message) return null;
  return (
    <p className="field-error" id={fieldIds(name).errorId}>
      <span className="visually-hidden">{t("prefix")} </span>
      {message}
    </p>
  );
}
