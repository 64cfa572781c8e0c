import pg from "pg";
import { e2eSettings } from "../settings";

// Straight SQL against the suite's database, for what a spec checks (rows
// created or not) and for the two personas that cannot be reached through the
// UI in a test's time: a disabled account still holding its cookie, and an
// expired session.

export async function withStaffDb<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: e2eSettings().databaseUrl, application_name: "e2e-staff-spec" });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export type StaffUserRow = { id: string; email: string; name: string; role: string; banned: boolean; twoFactorEnabled: boolean };

export async function findStaffUser(email: string): Promise<StaffUserRow | undefined> {
  return withStaffDb(async (client) => {
    const { rows } = await client.query<StaffUserRow>(
      `SELECT id, email, name, role, banned, "twoFactorEnabled" FROM "StaffUser" WHERE email = $1`,
      [email.toLowerCase()],
    );
    return rows[0];
  });
}

export async function staffUserByEmail(email: string): Promise<StaffUserRow> {
  const user = await findStaffUser(email);
  if (!user) throw new Error(`no staff account for ${email}`);
  return user;
}

/** A session row as stored, so it can be put back after the app deletes it. */
export type StaffSessionRow = {
  id: string;
  token: string;
  userId: string;
  expiresAt: Date;
  createdAt: Date;
  updatedAt: Date;
  ipAddress: string | null;
  userAgent: string | null;
};

export async function sessionsOf(userId: string): Promise<StaffSessionRow[]> {
  return withStaffDb(async (client) => {
    const { rows } = await client.query<StaffSessionRow>(
      `SELECT id, token, "userId", "expiresAt", "createdAt", "updatedAt", "ipAddress", "userAgent" FROM "StaffSession" WHERE "userId" = $1`,
      [userId],
    );
    return rows;
  });
}

/** Writes the session row back (as it was, with the given times), whether or not the app deleted it. */
export async function restoreSession(row: StaffSessionRow, times: { createdAt: Date; updatedAt: Date }): Promise<void> {
  await withStaffDb((client) =>
    client.query(
      `INSERT INTO "StaffSession" (id, token, "userId", "expiresAt", "createdAt", "updatedAt", "ipAddress", "userAgent")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET "createdAt" = EXCLUDED."createdAt", "updatedAt" = EXCLUDED."updatedAt", "expiresAt" = EXCLUDED."expiresAt"`,
      [row.id, row.token, row.userId, row.expiresAt, times.createdAt, times.updatedAt, row.ipAddress, row.userAgent],
    ),
  );
}

export async function sessionExists(id: string): Promise<boolean> {
  return withStaffDb(async (client) => (await client.query(`SELECT 1 FROM "StaffSession" WHERE id = $1`, [id])).rowCount === 1);
}

export async function setBanned(userId: string, banned: boolean): Promise<void> {
  await withStaffDb((client) => client.query(`UPDATE "StaffUser" SET banned = $2 WHERE id = $1`, [userId, banned]));
}
