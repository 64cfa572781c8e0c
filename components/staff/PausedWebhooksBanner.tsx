import Link from "next/link";
import { countPausedWebhookEndpoints } from "@/lib/webhooks/list-webhook-endpoints";

// Tells admins, on every staff page, that a webhook endpoint stopped after
// persistent failures (its messages wait; email is unaffected).
export async function PausedWebhooksBanner() {
  const paused = await countPausedWebhookEndpoints();
  if (paused === 0) return null;
  return (
    <p className="alert alert--error" role="status">
      {paused === 1 ? "A webhook endpoint was" : `${paused} webhook endpoints were`} paused after failing repeatedly.{" "}
      <Link href="/staff/admin/webhooks">Review webhooks</Link>
    </p>
  );
}
