// Stable ids that tie a control to its hint and error (aria-describedby), and
// let the error summary link straight to the control.
export function fieldIds(name: string) {
  const id = `field-${name}`;
  return { id, hintId: `${id}-hint`, errorId: `${id}-error` };
}

export function describedBy(name: string, options: { hint?: boolean; error?: boolean }): string | undefined {
  const ids = fieldIds(name);
  const parts = [options.hint ? ids.hintId : null, options.error ? ids.errorId : null].filter(Boolean);
  return parts.length > 0 ? parts.join(" ") : undefined;
}
