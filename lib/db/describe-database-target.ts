/** Host, port and database of a connection URL: never its user or password, so it may be logged. */
export function describeDatabaseTarget(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `the database ${url.pathname.slice(1) || "(default)"} on ${url.hostname}:${url.port || "5432"}`;
  } catch {
    return "the database (not a valid URL)";
  }
}
