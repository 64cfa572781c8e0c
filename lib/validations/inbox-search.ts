import { z } from "zod";

// What staff type into the inbox's search box: a reference code, a phone
// number, an email address or a first name. Posted, never put in a URL (see
// inbox-filter.ts). How it is read is lib/triage/inbox/resolve-inbox-search.ts.
export const InboxSearchSchema = z.object({
  q: z
    .string({ error: "Type a reference code, phone number, email address or first name." })
    .transform((value) => value.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .min(1, "Type a reference code, phone number, email address or first name.")
        .max(254, "That is longer than any phone number, email address or name we store."),
    ),
});

export type InboxSearch = z.infer<typeof InboxSearchSchema>;
