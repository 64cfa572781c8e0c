// Ids arrive from forms; Postgres rejects a malformed uuid with an error
// rather than "no row", so commands check the shape first and answer
// "not found" like for any other unknown id.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
