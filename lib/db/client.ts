import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { Pool } from "pg";
import { getEnv } from "@/lib/env";
import { PrismaClient } from "@/lib/db/generated/client";
import { logger } from "@/lib/logging/logger";

// Ciphertext columns are never selected unless a query asks for them by name:
// code that lists or counts inquiries cannot pull encrypted data by accident.
const OMIT_CIPHERTEXT = {
  inquiry: {
    firstNameEnc: true,
    phoneEnc: true,
    emailEnc: true,
    messageEnc: true,
    referrerNameEnc: true,
    referrerRelationshipEnc: true,
    personAwareEnc: true,
    referringOrganisationEnc: true,
  },
  // Issue 12: insurance details and verification notes.
  inquiryCoverage: { payerOtherEnc: true, memberIdEnc: true, groupNumberEnc: true, subscriberNameEnc: true, subscriberDobEnc: true },
  inquiryVerification: { referenceEnc: true, notesEnc: true },
} as const;

function createClient(url: string, poolMax: number) {
  const pool = new Pool({ connectionString: url, max: poolMax, connectionTimeoutMillis: 5000 });
  // Without a listener an idle client's error (server restart, terminated
  // backend) is an uncaught exception that takes the whole server down.
  pool.on("error", (err) => logger.warn({ err }, "idle database connection lost"));
  return { pool, prisma: new PrismaClient({ adapter: new PrismaPg(pool), omit: OMIT_CIPHERTEXT }) };
}

type Handle = ReturnType<typeof createClient> & { url: string };

const globalForDb = globalThis as typeof globalThis & { iopDb?: Handle };

// One client per process, cached on globalThis so Next's dev reloads reuse it.
function current(): Handle {
  const { DATABASE_URL, DATABASE_POOL_MAX } = getEnv();
  if (globalForDb.iopDb?.url !== DATABASE_URL) {
    globalForDb.iopDb = { ...createClient(DATABASE_URL, DATABASE_POOL_MAX), url: DATABASE_URL };
  }
  return globalForDb.iopDb;
}

export function getDb(): PrismaClient<never, typeof OMIT_CIPHERTEXT> {
  return current().prisma;
}

export function getPool(): Pool {
  return current().pool;
}

export async function disconnectDb(): Promise<void> {
  const db = globalForDb.iopDb;
  globalForDb.iopDb = undefined;
  if (db) {
    await db.prisma.$disconnect();
    await db.pool.end();
  }
}

export type Db = PrismaClient<never, typeof OMIT_CIPHERTEXT>;
