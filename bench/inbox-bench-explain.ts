import { getPool } from "@/lib/db/client";

export type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };

type Statement = { text: string; values: unknown[] };

// The plans of the statements on "Inquiry" that `run` sends, exactly as
// Prisma sends them: the pg pool under the Prisma adapter is listened to
// while `run` runs, then each statement is EXPLAINed with its own values.
// Shared by the inbox benchmark and __tests__/integration/triage/list-inquiries-plans.test.ts.
export async function planInquiryQueries(run: () => Promise<unknown>): Promise<PlanNode[][]> {
  const pool = getPool();
  const original = pool.query;
  const sent: Statement[] = [];
  pool.query = ((config: unknown, ...rest: unknown[]) => {
    if (typeof config === "object" && config !== null && "text" in config) {
      const { text, values } = config as { text: string; values?: unknown[] };
      sent.push({ text, values: values ?? [] });
    }
    return (original as (...args: unknown[]) => unknown).call(pool, config, ...rest);
  }) as typeof pool.query;
  try {
    await run();
  } finally {
    pool.query = original;
  }
  const plans: PlanNode[][] = [];
  for (const statement of sent.filter((s) => /^SELECT[\s\S]*FROM "public"\."Inquiry"/.test(s.text))) {
    const { rows } = await pool.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${statement.text}`, statement.values);
    const plan = rows[0]?.["QUERY PLAN"][0]?.Plan;
    if (plan) plans.push(flatten(plan));
  }
  return plans;
}

function flatten(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(flatten)];
}

// "Limit > Index Scan (Inquiry_createdAt_id_idx)", one per statement.
export function describePlans(plans: PlanNode[][]): string {
  return plans.map((nodes) => nodes.map((n) => `${n["Node Type"]}${n["Index Name"] ? ` (${n["Index Name"]})` : ""}`).join(" > ")).join(" ; ");
}
