import { describePrismaSchema } from "@/__tests__/support/schema-drift/describe-prisma-schema";
import { describeSchemaFacts } from "@/__tests__/support/schema-drift/describe-schema-facts";

// Covers what the app's schema.prisma does not use yet (@map, @@map, composite
// ids, named and hash indexes, default referential actions), so the drift test
// stays right when the schema grows.
const SCHEMA = `
datasource db {
  provider = "postgresql"
}

enum Colour {
  RED  @map("red")
  BLUE
  @@map("colour")
}

model Owner {
  region Int
  number Int
  pets   Pet[]

  @@id([region, number], map: "owner_pk")
}

model Pet {
  id          Int       @id @default(autoincrement()) @map("pet_id")
  name        String    @default("it's") @db.VarChar(20)
  tags        String[]
  colour      Colour    @default(RED)
  legs        Int       @default(-1)
  born        DateTime
  ownerRegion Int?
  ownerNumber Int?
  owner       Owner?    @relation(fields: [ownerRegion, ownerNumber], references: [region, number])

  @@map("pets")
  @@unique([name, colour])
  @@index([born(sort: Desc), name], map: "pets_by_age")
  @@index([legs], type: Hash)
}
`;

describe("describePrismaSchema", () => {
  it("describes what Prisma Migrate would create", () => {
    const described = Object.fromEntries(describeSchemaFacts(describePrismaSchema({ schema: SCHEMA })));

    expect(described).toEqual({
      'table "Owner"': "exists",
      'table "pets"': "exists",
      'column "Owner"."region"': "integer NOT NULL",
      'column "Owner"."number"': "integer NOT NULL",
      'column "pets"."pet_id"': `integer NOT NULL DEFAULT nextval('pets_pet_id_seq'::regclass)`,
      'column "pets"."name"': "character varying(20) NOT NULL DEFAULT 'it''s'::character varying",
      'column "pets"."tags"': "text[] NULL",
      'column "pets"."colour"': `enum "colour" NOT NULL DEFAULT 'red'::"colour"`,
      'column "pets"."legs"': "integer NOT NULL DEFAULT '-1'::integer",
      'column "pets"."born"': "timestamp(3) without time zone NOT NULL",
      'column "pets"."ownerRegion"': "integer NULL",
      'column "pets"."ownerNumber"': "integer NULL",
      'enum "colour"': "'red', 'BLUE'",
      'primary key of "Owner"': '"owner_pk" ("region", "number")',
      'primary key of "pets"': '"pets_pkey" ("pet_id")',
      'index "pets_name_colour_key"': 'UNIQUE ON "pets" USING btree ("name" ASC, "colour" ASC)',
      'index "pets_by_age"': 'ON "pets" USING btree ("born" DESC, "name" ASC)',
      'index "pets_legs_idx"': 'ON "pets" USING hash ("legs" ASC)',
      'foreign key "pets"."pets_ownerRegion_ownerNumber_fkey"':
        '("ownerRegion", "ownerNumber") REFERENCES "Owner" ("region", "number") ON DELETE SET NULL ON UPDATE CASCADE',
    });
  });

  it("refuses a default it has not been taught, instead of passing it silently", () => {
    const schema = SCHEMA.replace("born        DateTime", 'born        DateTime @default("2020-01-01T00:00:00Z")');
    expect(() => describePrismaSchema({ schema })).toThrow(/teach prisma-column-default/);
  });
});
