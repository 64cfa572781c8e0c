// One CSV field (RFC 4180: always quoted, quotes doubled). A text that a
// spreadsheet would run as a formula (=, +, -, @, tab, carriage return first;
// OWASP's CSV-injection list) gets a leading apostrophe, so it is shown as
// text. Stage, reason and source labels and staff names are typed by people,
// so any of them could start that way.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return "";
  const text = typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : String(value);
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvLine(values: (string | number | boolean | null)[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
