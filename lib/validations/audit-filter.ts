import { z } from "zod";

// The audit screen's filters, read from the query string. Anything malformed
// is dropped rather than guessed at.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" || Array.isArray(value) ? undefined : value), schema.optional().catch(undefined));

export const AuditFilterSchema = z.object({
  actor: optional(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)),
  action: optional(z.string().regex(/^[a-z_.]{1,64}$/)),
  record: optional(z.uuid()),
  from: optional(z.iso.date()),
  to: optional(z.iso.date()),
  before: optional(z.string().regex(/^\d{1,18}$/)),
});

export type AuditFilter = z.infer<typeof AuditFilterSchema>;
