import path from "node:path";

/** The repository root: where prisma/, .next and .data live. */
export const ROOT = path.resolve(__dirname, "../..");
