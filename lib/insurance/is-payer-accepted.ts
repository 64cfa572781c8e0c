import "server-only";
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { OTHER_PAYER } from "@/lib/validations/insurance-options";

// The server's half of the payer rule: Zod checks a code's shape, this checks
// it names an active row of Payer now (an admin's new payer is accepted at
// once, a retired one refused). "OTHER" and no payer need no row.
export async function isPayerAccepted(options: { db: Db | Prisma.TransactionClient; payerCode: string | null | undefined }): Promise<boolean> {
  const { payerCode } = options;
  if (payerCode === undefined || payerCode === null || payerCode === OTHER_PAYER) return true;
  const payer = await options.db.payer.findUnique({ where: { code: payerCode }, select: { active: true } });
  return payer?.active === true;
}
