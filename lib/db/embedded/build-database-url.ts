/** Replaces the database name of a PostgreSQL connection URL. */
export function buildDatabaseUrl(options: { serverUrl: string; name: string }): string {
  const url = new URL(options.serverUrl);
  url.pathname = `/${encodeURIComponent(options.name)}`;
  return url.toString();
}
