import { prismaConstraintName } from "@/__tests__/support/schema-drift/prisma-constraint-name";

describe("prismaConstraintName", () => {
  it("follows Prisma's default naming", () => {
    expect(prismaConstraintName({ kind: "primaryKey", table: "Inquiry", columns: ["id"] })).toBe("Inquiry_pkey");
    expect(prismaConstraintName({ kind: "unique", table: "Inquiry", columns: ["referenceCode"] })).toBe(
      "Inquiry_referenceCode_key",
    );
    expect(prismaConstraintName({ kind: "index", table: "Inquiry", columns: ["status", "urgency", "createdAt"] })).toBe(
      "Inquiry_status_urgency_createdAt_idx",
    );
    expect(prismaConstraintName({ kind: "foreignKey", table: "ConsentRecord", columns: ["inquiryId"] })).toBe(
      "ConsentRecord_inquiryId_fkey",
    );
  });

  it("cuts the part before the suffix so the name fits PostgreSQL's 63 bytes", () => {
    const name = prismaConstraintName({ kind: "index", table: "T".repeat(40), columns: ["c".repeat(40)] });
    expect(name).toHaveLength(63);
    expect(name).toBe(`${"T".repeat(40)}_${"c".repeat(18)}_idx`);
  });
});
