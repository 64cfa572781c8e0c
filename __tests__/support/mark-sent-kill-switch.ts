import type { Client } from "pg";

// A kill switch for the outbox worker's "mark sent" UPDATE: a trigger that
// terminates the worker's own backend right after the SMTP server accepted a
// message, as many times as the test allows. It is test scaffolding (DDL), so
// the owner creates it; it runs as its definer (SECURITY DEFINER), so the
// app's runtime role needs no grant on it. `kind` limits it to one kind of
// notification.
export async function installMarkSentKillSwitch(ownerSql: Client, options: { kind?: "ESCALATION" } = {}): Promise<void> {
  const kindCheck = options.kind ? `NEW.kind = '${options.kind}' AND ` : "";
  await ownerSql.query(`
    CREATE TABLE test_kill_budget (kills int NOT NULL);
    CREATE SEQUENCE test_mark_sent_calls;
    CREATE FUNCTION test_kill_mark_sent() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
    BEGIN
      -- nextval is not rolled back with the dying transaction, so it counts attempts.
      IF ${kindCheck}NEW.status = 'SENT' AND nextval('test_mark_sent_calls') <= (SELECT kills FROM test_kill_budget) THEN
        PERFORM pg_terminate_backend(pg_backend_pid());
        PERFORM pg_sleep(5); -- interrupted at once: the backend dies here, before COMMIT
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER test_kill_mark_sent BEFORE UPDATE ON "Notification" FOR EACH ROW EXECUTE FUNCTION test_kill_mark_sent();`);
}

/** Kills the next `times` "mark sent" updates, and restarts the count of calls. */
export async function killMarkSent(ownerSql: Client, times: number): Promise<void> {
  await ownerSql.query(`DELETE FROM test_kill_budget; INSERT INTO test_kill_budget VALUES (${times}); SELECT setval('test_mark_sent_calls', 1, false)`);
}

/** How many "mark sent" updates ran since the last killMarkSent (killed ones included). */
export async function markSentCalls(ownerSql: Client): Promise<number> {
  const { rows } = await ownerSql.query<{ n: string }>(`SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS n FROM test_mark_sent_calls`);
  return Number(rows[0]?.n);
}
