import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-actions";

// The audit trail has one writer (lib/audit/record-audit-event.ts) and one
// list of action names (lib/audit/audit-actions.ts). Two hot paths insert in
// SQL because they are single statements by design (the public submission,
// the webhook worker's pause); their action names must come from the list.
const ROOT = path.resolve(__dirname, "../../..");
const SOURCE_FOLDERS = ["app", "components", "lib", "scripts"];
const WRITER = "lib/audit/record-audit-event.ts";
const SQL_WRITERS = ["lib/inquiries/store-inquiry-statement.ts", "lib/webhooks/record-webhook-attempt.ts"];

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.parentPath.includes(`${path.sep}generated`))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

const files = SOURCE_FOLDERS.flatMap(sourceFiles);
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

it("finds the source files it checks", () => {
  expect(files).toContain(WRITER);
  expect(files.length).toBeGreaterThan(200);
});

it("writes audit rows through the one writer only", () => {
  const writers = files.filter((file) => /\.auditEvent\.create(Many)?\(/.test(read(file)));
  expect(writers).toEqual([WRITER]);
});

it("inserts audit rows in SQL only in the two single-statement paths, with listed action names", () => {
  const sqlWriters = files.filter((file) => /INSERT INTO "AuditEvent"/.test(read(file)));
  expect(sqlWriters.sort()).toEqual([...SQL_WRITERS].sort());
  for (const file of SQL_WRITERS) {
    const actions = [...read(file).matchAll(/INSERT INTO "AuditEvent"[^;`]*?SELECT '[A-Z]+', '([a-z_.]+)'/g)].map((match) => match[1]);
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) expect(AUDIT_ACTIONS.has(action ?? "")).toBe(true);
  }
});

it("keeps the job's bookkeeping out of the audit trail", () => {
  const markers = files.filter((file) => file !== WRITER && /"triage\.arrivals\.processed"/.test(read(file)));
  expect(markers).toEqual([]);
  expect(AUDIT_ACTIONS.has("triage.arrivals.processed")).toBe(false);
});
