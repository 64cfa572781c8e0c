import { createHash } from "node:crypto";
import { computeMigrationChecksum } from "@/lib/db/migrations/compute-migration-checksum";
import { verifyMigrationChecksum } from "@/lib/db/migrations/verify-migration-checksum";

describe("verifyMigrationChecksum", () => {
  const unix = "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n";
  const windows = unix.replaceAll("\n", "\r\n");

  const matches = (script: string, recordedFor: string) =>
    verifyMigrationChecksum({ script, checksum: computeMigrationChecksum({ script: recordedFor }) });

  it("accepts the script it was computed from", () => {
    expect(matches(unix, unix)).toBe(true);
  });

  it("ignores line endings, which git may rewrite on checkout", () => {
    expect(matches(windows, unix)).toBe(true);
    expect(matches(unix, windows)).toBe(true);
  });

  it("rejects any other change", () => {
    expect(matches("abc\n", "abc")).toBe(false);
    expect(matches("abc", "abcd")).toBe(false);
  });

  it("accepts the unpadded checksums very old Prisma versions recorded", () => {
    // Find a script whose digest has a byte below 0x10, so padding matters.
    const script = Array.from({ length: 50 }, (_, i) => `SELECT ${i};`).find((s) =>
      createHash("sha256").update(s).digest().some((byte) => byte < 0x10),
    );
    if (!script) throw new Error("no suitable script found");
    const legacy = Array.from(createHash("sha256").update(script).digest(), (b) => b.toString(16)).join("");
    expect(legacy.length).toBeLessThan(64);
    expect(verifyMigrationChecksum({ script, checksum: legacy })).toBe(true);
    expect(verifyMigrationChecksum({ script: `${script} `, checksum: legacy })).toBe(false);
  });
});
