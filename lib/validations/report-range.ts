import { z } from "zod";

// The reports' date range, from the query string (a plain GET form). A
// malformed date is dropped and the default used instead.
const optionalDate = z.preprocess((value) => (value === "" || Array.isArray(value) ? undefined : value), z.iso.date().optional().catch(undefined));

export const ReportRangeSchema = z.object({ from: optionalDate, to: optionalDate });
export type ReportRangeInput = z.infer<typeof ReportRangeSchema>;
