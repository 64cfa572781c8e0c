import type { ClientBase, Pool } from "pg";

// What the key tools need from the database: a pooled connection or one
// client (the pre-flight check has a single client as the runtime role).
export type SqlClient = Pick<Pool, "query"> | Pick<ClientBase, "query">;

// A LIKE pattern matching values that start with `prefix` literally (key
// ids may contain "_", a LIKE wildcard). Used with ESCAPE '\'.
export function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
