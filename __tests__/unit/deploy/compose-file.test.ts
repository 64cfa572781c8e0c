import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

// compose.yaml cannot run here (no Docker), so its shape is checked instead:
// the services the deployment promises, each with the database role and the
// settings docs/deploy.md describes. A YAML error or a missing piece fails.
type Service = {
  image?: string;
  build?: { context?: string; dockerfile?: string };
  command?: string[];
  environment?: Record<string, string>;
  env_file?: string | string[];
  volumes?: string[];
  ports?: string[];
  deploy?: { replicas?: number };
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; disable?: boolean };
};
type Compose = { services: Record<string, Service>; volumes: Record<string, unknown> };

const ROOT = path.resolve(__dirname, "../../..");
const compose = parse(readFileSync(path.join(ROOT, "compose.yaml"), "utf8"), { merge: true }) as Compose;
const service = (name: string): Service => {
  const found = compose.services[name];
  if (!found) throw new Error(`compose.yaml has no service ${name}`);
  return found;
};
const userOf = (url: string | undefined) => (url ? decodeURIComponent(new URL(url.replace(/\$\{[^}]*\}/g, "x")).username) : undefined);

describe("compose.yaml", () => {
  it("has exactly the deployment's services and named volumes", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["app", "caddy", "migrate", "postgres", "worker"]);
    expect(Object.keys(compose.volumes).sort()).toEqual(["caddy_config", "caddy_data", "pgdata"]);
  });

  it("keeps PostgreSQL (a current major) on a named volume and creates the login roles on first start", () => {
    const postgres = service("postgres");
    expect(postgres.image).toMatch(/postgres:(1[89]|[2-9]\d)\b/);
    expect(postgres.volumes).toContain("pgdata:/var/lib/postgresql");
    expect(postgres.volumes?.some((volume) => volume.startsWith("./deploy/postgres/create-roles.sh:/docker-entrypoint-initdb.d/"))).toBe(true);
    expect(postgres.healthcheck?.test).toContain("pg_isready");
    const script = readFileSync(path.join(ROOT, "deploy/postgres/create-roles.sh"), "utf8");
    expect(script).toMatch(/CREATE ROLE iop_owner LOGIN/);
    expect(script).toMatch(/CREATE ROLE iop_app LOGIN/);
    expect(script).not.toMatch(/SUPERUSER/);
  });

  it("migrates as the owner role, once, before anything that uses the runtime role", () => {
    const migrate = service("migrate");
    expect(migrate.command).toEqual(["scripts/migrate.ts"]);
    expect(userOf(migrate.environment?.MIGRATION_DATABASE_URL)).toBe("iop_owner");
    expect(userOf(migrate.environment?.DATABASE_URL)).toBe("iop_app");
    expect(migrate.depends_on?.postgres?.condition).toBe("service_healthy");
    for (const name of ["app", "worker"]) {
      expect(service(name).depends_on?.migrate?.condition).toBe("service_completed_successfully");
    }
  });

  it("runs two app replicas and a separate worker as the runtime role, from the Containerfile", () => {
    const app = service("app");
    const worker = service("worker");
    expect(app.deploy?.replicas).toBe(2);
    expect(app.command).toEqual(["scripts/start.ts"]);
    expect(worker.command).toEqual(["--conditions=react-server", "scripts/worker.ts"]);
    for (const runtime of [app, worker]) {
      expect(userOf(runtime.environment?.DATABASE_URL)).toBe("iop_app");
      expect(runtime.environment?.MIGRATION_DATABASE_URL).toBe("");
      expect(runtime.environment?.WORKER_IN_PROCESS).toBe("false");
      expect(runtime.environment?.NODE_ENV).toBe("production");
      expect(runtime.build?.dockerfile).toBe("Containerfile");
      expect(runtime.env_file).toBe(".env");
    }
    expect(app.ports).toBeUndefined();
    expect(app.healthcheck?.test?.join(" ")).toContain("/api/health/live");
  });

  it("puts Caddy in front (the only published ports) and trusts exactly its one hop", () => {
    const caddy = service("caddy");
    expect(caddy.image).toMatch(/caddy:2/);
    expect(caddy.ports).toEqual(expect.arrayContaining(["80:80", "443:443"]));
    expect(caddy.volumes).toContain("./deploy/Caddyfile:/etc/caddy/Caddyfile:ro");
    const published = Object.entries(compose.services).filter(([, s]) => s.ports).map(([name]) => name);
    expect(published).toEqual(["caddy"]);
    expect(service("app").environment?.TRUST_PROXY_HOPS).toBe("1");
    const caddyfile = readFileSync(path.join(ROOT, "deploy/Caddyfile"), "utf8");
    expect(caddyfile).toMatch(/reverse_proxy/);
    expect(caddyfile).toMatch(/dynamic a app 3000/);
    expect(caddyfile).toMatch(/respond @internal 404/);
  });

  it("takes every secret from .env, never from the file itself", () => {
    const text = readFileSync(path.join(ROOT, "compose.yaml"), "utf8");
    for (const name of ["POSTGRES_PASSWORD", "IOP_OWNER_PASSWORD", "IOP_APP_PASSWORD"]) {
      expect(text).toMatch(new RegExp(`\\$\\{${name}[:}]`));
    }
    expect(text).not.toMatch(/FIELD_ENCRYPTION_KEY|LOOKUP_HMAC_KEY|APP_SECRET/);
    const example = readFileSync(path.join(ROOT, ".env.example"), "utf8");
    for (const name of ["POSTGRES_PASSWORD", "IOP_OWNER_PASSWORD", "IOP_APP_PASSWORD", "SITE_ADDRESS", "METRICS_TOKEN"]) {
      expect(example).toMatch(new RegExp(`^#? ?${name}=`, "m"));
    }
  });
});
