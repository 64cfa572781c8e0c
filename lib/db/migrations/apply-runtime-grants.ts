import { escapeIdentifier, type ClientBase } from "pg";
import { MigrationError } from "./migration-error";

/** The group role the app's runtime login roles belong to (NOLOGIN). */
export const RUNTIME_ROLE = "iop_runtime";

// Tables whose rows the app may add to but never change or remove.
const APPEND_ONLY = ["AuditEvent"];
// Read only: the pre-flight check compares it with the migrations on disk.
const READ_ONLY = ["_prisma_migrations"];

/**
 * Gives the runtime role exactly what the app needs in the connection's
 * current schema, after every migration run (so later tables are covered):
 * USAGE on the schema; SELECT, INSERT, UPDATE, DELETE on every table, but
 * only SELECT and INSERT on AuditEvent and only SELECT on _prisma_migrations;
 * USAGE and SELECT on sequences. Everything else (TRUNCATE, REFERENCES,
 * TRIGGER, ownership, DDL) is revoked, in one transaction so the app never
 * sees a table without its grants. When `runtimeUser` (DATABASE_URL's user)
 * is another role than the one migrating, it is made a member.
 */
export async function applyRuntimeGrants(options: { client: ClientBase; runtimeUser?: string }): Promise<void> {
  const { client } = options;
  const role = escapeIdentifier(RUNTIME_ROLE);
  await ensureRuntimeRole(client);
  const { rows } = await client.query<{ schema: string; publicCreate: boolean; me: string }>(
    `SELECT current_schema() AS schema, has_schema_privilege('public', current_schema(), 'CREATE') AS "publicCreate", current_user AS me`,
  );
  const { schema, publicCreate, me } = rows[0] ?? { schema: "public", publicCreate: false, me: "" };
  const quotedSchema = escapeIdentifier(schema);
  const tables = (qualify: string[]) => qualify.map((name) => `${quotedSchema}.${escapeIdentifier(name)}`).join(", ");

  await client.query("BEGIN");
  try {
    // PostgreSQL before 15 lets every role create tables in `public`.
    if (publicCreate) await client.query(`REVOKE CREATE ON SCHEMA ${quotedSchema} FROM PUBLIC`);
    await client.query(`GRANT USAGE ON SCHEMA ${quotedSchema} TO ${role}`);
    await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA ${quotedSchema} FROM ${role}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${quotedSchema} TO ${role}`);
    await client.query(`REVOKE UPDATE, DELETE ON ${tables(APPEND_ONLY)} FROM ${role}`);
    await client.query(`REVOKE INSERT, UPDATE, DELETE ON ${tables(READ_ONLY)} FROM ${role}`);
    await client.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${quotedSchema} FROM ${role}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${quotedSchema} TO ${role}`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw new MigrationError("grants-failed", `Could not grant the runtime role its privileges: ${messageOf(error)}`);
  }

  const user = options.runtimeUser;
  if (!user || user === me) return;
  const member = await client.query<{ exists: boolean; member: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists,
            COALESCE((SELECT pg_has_role($1, $2, 'MEMBER') WHERE EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)), false) AS member`,
    [user, RUNTIME_ROLE],
  );
  if (!member.rows[0]?.exists) {
    throw new MigrationError("grants-failed", `DATABASE_URL's user "${user}" does not exist; create it (docs/operations.md, "Database roles") and migrate again.`);
  }
  if (member.rows[0].member) return;
  try {
    await client.query(`GRANT ${role} TO ${escapeIdentifier(user)}`);
  } catch (error) {
    throw new MigrationError(
      "grants-failed",
      `Could not make "${user}" a member of ${RUNTIME_ROLE}: ${messageOf(error)}. As a role allowed to, run: GRANT ${RUNTIME_ROLE} TO "${user}";`,
    );
  }
}

// Roles are shared by every database on the server, so two migration runs
// (two databases, or two deploys) may race to create it: losing is fine.
async function ensureRuntimeRole(client: ClientBase): Promise<void> {
  const found = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [RUNTIME_ROLE]);
  if (found.rowCount) return;
  try {
    await client.query(`CREATE ROLE ${escapeIdentifier(RUNTIME_ROLE)} NOLOGIN`);
  } catch (error) {
    const code = typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
    // 42710 duplicate_object; 23505 when the other run's insert into pg_authid won by a hair.
    if (code === "42710" || code === "23505") return;
    throw new MigrationError(
      "grants-failed",
      `Could not create the role ${RUNTIME_ROLE} (${messageOf(error)}). As a role allowed to, run: CREATE ROLE ${RUNTIME_ROLE} NOLOGIN;`,
    );
  }
}

function messageOf(error: unknown): string {
  return typeof error === "object" && error !== null && "message" in error ? String(error.message) : String(error);
}
