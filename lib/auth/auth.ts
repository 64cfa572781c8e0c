import "server-only";
import { betterAuth } from "better-auth";
import { nextCookies } from "better-auth/next-js";
import { admin, twoFactor } from "better-auth/plugins";
import { adminAc, userAc } from "better-auth/plugins/admin/access";
import { clinicContent } from "@/lib/clinic/clinic-content";
import { getPool } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { deriveAuthSecret } from "@/lib/auth/auth-secret";
import { getKeyring } from "@/lib/crypto/keyring";
import { betterAuthSecrets } from "@/lib/keys/better-auth-secrets";
import { recoveryCodeStorage, type LegacyKey } from "@/lib/auth/second-factor/recovery-code-storage";
import { STAFF_SESSION_ABSOLUTE_SECONDS } from "@/lib/auth/staff-session-policy";

// The staff identity layer: Better Auth with its two-factor and admin plugins,
// sessions in PostgreSQL (any number of app instances share them).
//
// No HTTP handler is mounted for it: every call goes through our own server
// actions (auth.api.*), which authorise, throttle and audit first. That keeps
// the attack surface to the handful of operations the staff area uses, instead
// of every endpoint the library and its plugins define (impersonation, sign-up,
// password reset by email, …).
function createAuth() {
  const env = getEnv();
  return betterAuth({
    appName: clinicContent.name,
    baseURL: env.PUBLIC_URL,
    // Signing (version 0, from APP_SECRET) apart from stored TOTP seeds and
    // recovery codes (under the field keys): lib/keys/better-auth-secrets.ts.
    // `secret` still opens seeds stored before that, until keys:rotate.
    secret: deriveAuthSecret(env.APP_SECRET),
    secrets: betterAuthSecrets({ keyring: getKeyring(), signingSecret: deriveAuthSecret(env.APP_SECRET) }),
    database: getPool(),
    telemetry: { enabled: false },
    // Failed sign-ins are audited by us; the library's per-attempt warnings
    // would only repeat them (with less care) in the server log.
    logger: { level: "error" },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      autoSignIn: false,
      minPasswordLength: 12,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
    },
    user: { modelName: "StaffUser" },
    account: { modelName: "StaffAccount" },
    verification: { modelName: "StaffVerification" },
    // A session row lives at most the absolute lifetime and is never extended
    // by the library; the idle timeout is enforced on every staff request by
    // lib/auth/staff-session.ts (which also keeps the cookie's lifetime at 12 h,
    // so Server Components, which cannot set cookies, never lose it early).
    session: {
      modelName: "StaffSession",
      expiresIn: STAFF_SESSION_ABSOLUTE_SECONDS,
      disableSessionRefresh: true,
    },
    // Our server actions throttle per account and per address in Postgres
    // (lib/auth/sign-in-throttle.ts); Better Auth's limiter only guards its
    // HTTP handler, which is not mounted.
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: "iop-staff",
      useSecureCookies: env.NODE_ENV === "production",
      defaultCookieAttributes: { sameSite: "lax", httpOnly: true },
    },
    plugins: [
      twoFactor({
        issuer: clinicContent.name,
        twoFactorTable: "StaffTwoFactor",
        // Hashed one-way (lib/auth/second-factor/recovery-code-storage.ts);
        // the library's own options can only encrypt.
        backupCodeOptions: { amount: 10, length: 10, storeBackupCodes: recoveryCodeStorage(librarySecretConfig) },
        accountLockout: { enabled: true, maxFailedAttempts: 5, durationSeconds: 15 * 60 },
      }),
      // Our two roles (lib/auth/staff-roles.ts). Coordinators get the
      // library's plain-user rights, i.e. none over other accounts.
      admin({ roles: { admin: adminAc, coordinator: userAc }, defaultRole: "coordinator", adminRoles: ["admin"] }),
      // Lets auth.api calls inside server actions set and clear cookies.
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

// The secret configuration the library encrypts with, for reading recovery
// codes stored before they were hashed.
async function librarySecretConfig(): Promise<LegacyKey> {
  return (await getAuth().$context).secretConfig;
}

const globalForAuth = globalThis as typeof globalThis & { iopAuth?: Auth };

export function getAuth(): Auth {
  globalForAuth.iopAuth ??= createAuth();
  return globalForAuth.iopAuth;
}
