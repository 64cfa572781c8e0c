import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { ROOT } from "../paths";

// What the production build the suite runs contains, read from Next.js's own
// manifests, so the authorisation matrix follows the app: a page, server
// action or route handler added without an entry in the matrix fails it.

const DIST_DIR = path.join(ROOT, process.env.NEXT_DIST_DIR ?? ".next");

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(path.join(DIST_DIR, file), "utf8"));
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === "object" && value !== null && Object.values(value).every((entry) => typeof entry === "string");
}

/** Entry point ("/staff/(signed-in)/admin/users/page") → URL path ("/staff/admin/users"). */
export function appPathRoutes(): Record<string, string> {
  const manifest = readJson("app-path-routes-manifest.json");
  if (!isStringRecord(manifest)) throw new Error("unexpected app-path-routes-manifest.json");
  return manifest;
}

export type BuiltRoute = { entry: string; path: string; kind: "page" | "route" };

export function builtRoutes(): BuiltRoute[] {
  return Object.entries(appPathRoutes()).map(([entry, urlPath]) => ({
    entry,
    path: urlPath,
    kind: entry.endsWith("/route") ? "route" : "page",
  }));
}

export type BuiltServerAction = {
  id: string;
  /** "app/staff/sign-in/actions.ts#signInAction": the key the matrix uses. */
  name: string;
  file: string;
  exportedName: string;
  /** URL paths of the pages whose server bundle holds the action (where the browser posts it). */
  pagePaths: string[];
};

type ManifestEntry = { workers?: Record<string, unknown>; filename?: unknown; exportedName?: unknown };

export function builtServerActions(): BuiltServerAction[] {
  const manifest = readJson("server/server-reference-manifest.json");
  if (typeof manifest !== "object" || manifest === null || !("node" in manifest)) throw new Error("unexpected server-reference-manifest.json");
  const node = (manifest as { node: Record<string, ManifestEntry> }).node;
  const routes = appPathRoutes();
  return Object.entries(node).map(([id, entry]) => {
    if (typeof entry.filename !== "string" || typeof entry.exportedName !== "string") {
      throw new Error(`server action ${id} has no file name in the manifest; the matrix cannot name it`);
    }
    const pagePaths = Object.keys(entry.workers ?? {})
      // Worker keys are entry points without the leading "/", prefixed "app".
      .map((worker) => routes[worker.replace(/^app/, "")])
      .filter((urlPath): urlPath is string => typeof urlPath === "string");
    return { id, name: `${entry.filename}#${entry.exportedName}`, file: entry.filename, exportedName: entry.exportedName, pagePaths };
  });
}

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/**
 * The HTTP methods a route handler's source exports. The build does not list
 * them; reading the source keeps a new DELETE from slipping past the matrix.
 */
export function exportedMethods(entry: string): string[] {
  const base = path.join(ROOT, "app", path.dirname(entry));
  const file = ["route.ts", "route.tsx", "route.js"].map((name) => path.join(base, name)).find((candidate) => {
    try {
      return statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
  if (!file) {
    // A metadata route is a file (icon.svg) or a module with a default export
    // (robots.ts serves robots.txt, manifest.ts manifest.webmanifest): GET only.
    const parent = path.dirname(base);
    const name = path.basename(base);
    const stem = name.replace(/\.[^.]+$/, "");
    const files = readdirSync(parent);
    if (files.includes(name) || files.includes(`${stem}.ts`)) return ["GET"];
    throw new Error(`no source for route handler ${entry}`);
  }
  const source = readFileSync(file, "utf8");
  return HTTP_METHODS.filter((method) =>
    new RegExp(`export\\s+(?:async\\s+)?function\\s+${method}\\b|export\\s+const\\s+${method}\\b|export\\s*\\{[^}]*\\b${method}\\b[^}]*\\}`).test(source),
  );
}

function walk(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/**
 * The same lists read from the source tree, to tell a stale build (source
 * changed, `next build` not run again) from a matrix that is out of date.
 */
export function sourceStaffPagePaths(): string[] {
  const appDir = path.join(ROOT, "app");
  return walk(path.join(appDir, "staff"))
    .filter((file) => /\/page\.(tsx|ts|jsx|js)$/.test(file))
    .map((file) => {
      const segments = path.relative(appDir, path.dirname(file)).split(path.sep);
      // Route groups "(signed-in)" do not appear in URLs.
      return `/${segments.filter((segment) => !/^\(.*\)$/.test(segment)).join("/")}`;
    })
    .sort();
}
