import { isHashedCodeList, recoveryCodeStorage, withSubmittedRecoveryCode } from "@/lib/auth/second-factor/recovery-code-storage";

// The "cipher" handed to Better Auth's backupCodeOptions.storeBackupCodes:
// it hashes, and reveals a code only while that very code is being verified.
const storage = recoveryCodeStorage(async () => "unused legacy key");
const codes = ["AbCdE-12345", "FgHiJ-67890"];

it("stores every code as a salted SHA-256, never the code", async () => {
  const stored = await storage.encrypt(JSON.stringify(codes));
  expect(isHashedCodeList(stored)).toBe(true);
  for (const code of codes) expect(stored).not.toContain(code);
  // Salted: the same codes hash differently each time.
  expect(await storage.encrypt(JSON.stringify(codes))).not.toBe(stored);
});

it("shows the library nothing unless the submitted code matches an entry", async () => {
  const stored = await storage.encrypt(JSON.stringify(codes));
  expect(JSON.parse(await storage.decrypt(stored))).toEqual([]);
  const matching = JSON.parse(await withSubmittedRecoveryCode("AbCdE-12345", () => storage.decrypt(stored))) as string[];
  expect(matching).toContain("AbCdE-12345");
  expect(matching).not.toContain("FgHiJ-67890");
  expect(JSON.parse(await withSubmittedRecoveryCode("ZZZZZ-00000", () => storage.decrypt(stored)))).toEqual([]);
  // A stored entry itself, submitted as a code, matches nothing.
  const entry = (JSON.parse(stored) as string[])[0] ?? "";
  expect(JSON.parse(await withSubmittedRecoveryCode(entry, () => storage.decrypt(stored)))).toEqual([]);
});

it("keeps hashed entries as they are when the library writes the rest back", async () => {
  const stored = await storage.encrypt(JSON.stringify(codes));
  const remaining = (JSON.parse(await withSubmittedRecoveryCode("AbCdE-12345", () => storage.decrypt(stored))) as string[]).filter((item) => item !== "AbCdE-12345");
  const rewritten = await storage.encrypt(JSON.stringify(remaining));
  expect(JSON.parse(rewritten)).toEqual(remaining);
  expect(JSON.parse(await withSubmittedRecoveryCode("FgHiJ-67890", () => storage.decrypt(rewritten)))).toEqual(["FgHiJ-67890"]);
});
