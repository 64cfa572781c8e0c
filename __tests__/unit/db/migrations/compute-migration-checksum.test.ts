import { computeMigrationChecksum } from "@/lib/db/migrations/compute-migration-checksum";

describe("computeMigrationChecksum", () => {
  it("is the zero-padded SHA-256 hex that Prisma records", () => {
    // The vector from Prisma's own checksum tests (schema-engine checksum.rs).
    expect(computeMigrationChecksum({ script: "hello" })).toBe(
      "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
    );
  });

  it("gives the same checksum for the UTF-8 bytes and the decoded text", () => {
    const script = "-- CreateTable\nCREATE TABLE \"Café\" (\"id\" UUID NOT NULL);\n";
    expect(computeMigrationChecksum({ script: Buffer.from(script, "utf8") })).toBe(
      computeMigrationChecksum({ script }),
    );
  });

  it("always has 64 characters", () => {
    for (const script of ["", "a", "abcd", "SELECT 1;"]) {
      expect(computeMigrationChecksum({ script })).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});
