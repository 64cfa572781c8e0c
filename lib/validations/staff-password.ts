import { z } from "zod";

// Staff passwords: long rather than complicated (NIST SP 800-63B). The common
// password check runs on the server only (lib/auth/common-passwords.ts).
export const STAFF_PASSWORD_MIN = 12;
export const STAFF_PASSWORD_MAX = 128;

export const StaffPasswordSchema = z
  .string()
  .min(STAFF_PASSWORD_MIN, `Use at least ${STAFF_PASSWORD_MIN} characters.`)
  .max(STAFF_PASSWORD_MAX, `Use at most ${STAFF_PASSWORD_MAX} characters.`);
