import { randomBytes } from "node:crypto";
import { Client } from "pg";

// A fresh database on the machine's PostgreSQL for one run of the image test,
// with the two login roles of docs/decisions/0001: an owner (CREATEROLE, owns
// the database; runs the migrations) and a runtime role (the app). Dropped
// afterwards, roles included.
export type DeployDatabase = { ownerUrl: string; runtimeUrl: string; drop(): Promise<void> };

export async function createDeployDatabase(serverUrl: string): Promise<DeployDatabase> {
  const suffix = `${process.pid}_${randomBytes(3).toString("hex")}`;
  const names = { db: `iop_deploy_${suffix}`, owner: `iop_deploy_owner_${suffix}`, app: `iop_deploy_app_${suffix}` };
  const password = randomBytes(18).toString("hex");
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE ROLE "${names.owner}" LOGIN CREATEROLE PASSWORD '${password}'`);
    await admin.query(`CREATE ROLE "${names.app}" LOGIN PASSWORD '${password}'`);
    await admin.query(`CREATE DATABASE "${names.db}" OWNER "${names.owner}"`);
  } finally {
    await admin.end();
  }
  const urlFor = (user: string) => {
    const url = new URL(serverUrl);
    url.username = user;
    url.password = password;
    url.pathname = `/${names.db}`;
    return url.toString();
  };
  return {
    ownerUrl: urlFor(names.owner),
    runtimeUrl: urlFor(names.app),
    async drop() {
      const cleanup = new Client({ connectionString: serverUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS "${names.db}" WITH (FORCE)`);
        // iop_runtime is shared by every database on the server: only our login roles go.
        await cleanup.query(`DROP ROLE IF EXISTS "${names.app}"`);
        await cleanup.query(`DROP OWNED BY "${names.owner}"`).catch(() => undefined);
        await cleanup.query(`DROP ROLE IF EXISTS "${names.owner}"`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
