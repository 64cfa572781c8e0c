"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { fieldIds } from "@/components/ui/field-ids";

export type SummaryItem = { field?: string; message: string };

// Lists every problem at the top of the form, each linking to its field, and
// takes focus when it appears so keyboard and screen-reader users land on it
// (GOV.UK error summary pattern): after each submit attempt (`focusKey`) and
// each answer from the server (`serverResult`).
export function ErrorSummary(props: { items: SummaryItem[]; focusKey: number; serverResult: unknown }) {
  const { items, focusKey, serverResult } = props;
  const t = useTranslations("errors");
  const ref = useRef<HTMLDivElement>(null);
  const hasItems = items.length > 0;
  useEffect(() => {
    if (hasItems) ref.current?.focus();
  }, [focusKey, serverResult, hasItems]);
  if (items.length === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title" autoFocus>
      <h2 id="error-summary-title">{items.length === 1 ? t("summaryOne") : t("summaryMany", { count: items.length })}</h2>
      <ul>
        {items.map((item, index) => (
          <li key={`${item.field ?? "form"}-${index}`}>
            {item.field ? <a href={`#${fieldIds(item.field).id}`}>{item.message}</a> : item.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
