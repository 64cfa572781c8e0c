import { compareSchemaDescriptions } from "@/__tests__/support/schema-drift/compare-schema-descriptions";

describe("compareSchemaDescriptions", () => {
  it("finds nothing when both sides agree", () => {
    const same = new Map([['column "A"."id"', "uuid NOT NULL"]]);
    expect(compareSchemaDescriptions({ expected: same, actual: new Map(same) })).toEqual([]);
  });

  it("reports missing, extra and different entries, one sentence each, sorted", () => {
    const expected = new Map([
      ['column "A"."id"', "uuid NOT NULL"],
      ['index "A_b_idx"', 'ON "A" USING btree ("b" ASC)'],
      ['enum "E"', "'ONE', 'TWO'"],
    ]);
    const actual = new Map([
      ['column "A"."id"', "uuid NOT NULL"],
      ['column "A"."extra"', "text NULL"],
      ['enum "E"', "'ONE', 'TWO', 'THREE'"],
    ]);

    expect(compareSchemaDescriptions({ expected, actual })).toEqual([
      `differs: enum "E": schema.prisma says 'ONE', 'TWO'; the database has 'ONE', 'TWO', 'THREE'`,
      'missing from the database: index "A_b_idx" (ON "A" USING btree ("b" ASC))',
      'not in schema.prisma: column "A"."extra" (text NULL)',
    ]);
  });
});
