/** URL of the `postgres` maintenance database of an embedded server. */
export function buildServerUrl(options: { password: string; port: number }): string {
  return `postgresql://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/postgres`;
}
