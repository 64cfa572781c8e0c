import "server-only";
import { getDb } from "@/lib/db/client";
import type { ReportRange } from "@/lib/triage/reports/report-range";
import { receivedWithin } from "@/lib/triage/reports/report-scope";
import { INQUIRY_CHANNELS, type InquiryChannel } from "@/lib/validations/inquiry-options";

export type ChannelCount = { channel: InquiryChannel; received: number; urgent: number; admitted: number };

// Inquiries received in the range by the channel they arrived by (issue 12),
// every channel listed (zero included) in a fixed order, so a month without
// walk-ins says so rather than leaving the row out.
export async function countByChannel(range: ReportRange): Promise<ChannelCount[]> {
  const rows = await getDb().$queryRaw<{ channel: InquiryChannel; received: number; urgent: number; admitted: number }[]>`
    SELECT i."channel"::text AS "channel", count(*)::int AS "received",
           count(*) FILTER (WHERE i."urgency" = 'URGENT')::int AS "urgent",
           count(*) FILTER (WHERE i."status" = 'ADMITTED')::int AS "admitted"
    FROM "Inquiry" i WHERE ${receivedWithin(range)} GROUP BY 1`;
  const byChannel = new Map(rows.map((row) => [row.channel, row]));
  return INQUIRY_CHANNELS.map((channel) => byChannel.get(channel) ?? { channel, received: 0, urgent: 0, admitted: 0 });
}
