// PostgreSQL's identifier limit, which Prisma's default names are cut to.
const MAX_IDENTIFIER_LENGTH = 63;

const SUFFIXES = { primaryKey: "_pkey", unique: "_key", index: "_idx", foreignKey: "_fkey" } as const;

/**
 * The name Prisma gives a constraint or index that has no `map:` (psl's
 * ConstraintNames): `{table}_{columns joined by _}{suffix}`, the part before the
 * suffix cut so the whole fits in 63 bytes; primary keys use the table alone.
 */
export function prismaConstraintName(options: {
  kind: keyof typeof SUFFIXES;
  table: string;
  columns: string[];
}): string {
  const suffix = SUFFIXES[options.kind];
  const stem = options.kind === "primaryKey" ? options.table : [options.table, ...options.columns].join("_");
  return cutToBytes(stem, MAX_IDENTIFIER_LENGTH - suffix.length) + suffix;
}

function cutToBytes(text: string, maxBytes: number): string {
  let out = "";
  for (const char of text) {
    if (Buffer.byteLength(out + char) > maxBytes) break;
    out += char;
  }
  return out;
}
