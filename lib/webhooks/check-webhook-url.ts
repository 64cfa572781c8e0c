// Where a webhook may be sent: HTTPS anywhere in production; plain HTTP only
// to this machine's loopback, and only outside production (development and
// tests, where the receiver is a local process). Credentials in the URL are
// refused: secrets belong in the signing secret, not in a URL that shows up
// in proxies' logs.
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export type WebhookUrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

export function checkWebhookUrl(value: string, options: { production: boolean }): WebhookUrlCheck {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, reason: "Enter a full address starting with https://" };
  }
  if (url.username || url.password) return { ok: false, reason: "The address must not contain a user name or password." };
  if (url.protocol === "https:") return { ok: true, url };
  if (url.protocol === "http:" && !options.production && LOOPBACK_HOSTS.has(url.hostname)) return { ok: true, url };
  return {
    ok: false,
    reason: options.production ? "The address must start with https://" : "The address must start with https:// (plain http only to localhost)",
  };
}
