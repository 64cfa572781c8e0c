import { randomBytes } from "node:crypto";
import type { Browser, BrowserContext } from "@playwright/test";
import { e2eSettings } from "../settings";
import { createAdminWithCli } from "./create-admin-with-cli";
import { invitationLinkFor } from "./invitation-mail";
import { staffUserByEmail } from "./staff-database";
import { acceptInvitation, enrol, inviteFromUsersPage, openSetUpLink } from "./staff-flows";

// A small staff team for the triage and accessibility specs, made the way
// people make one: an admin from the command line, a coordinator invited by
// that admin from the Users page and enrolled from the emailed link. Each
// keeps the browser state it ended with (signed in, TOTP enrolled), so a spec
// can open pages as them without signing in again, or sign in anew with the
// password and the TOTP key.

export type TeamMember = {
  id: string;
  email: string;
  name: string;
  password: string;
  role: "admin" | "coordinator";
  /** The TOTP key the enrolment page showed. */
  secret: string;
  /** Cookies of the browser that enrolled, for browser.newContext({ storageState }). */
  storageState: Awaited<ReturnType<BrowserContext["storageState"]>>;
};

export type TriageTeam = { tag: string; admin: TeamMember; coordinator: TeamMember };

export async function createTriageTeam(browser: Browser, label: string): Promise<TriageTeam> {
  const tag = randomBytes(3).toString("hex");
  const baseURL = e2eSettings().baseUrl;
  const details = (who: string, role: TeamMember["role"]) => ({
    email: `${label}-${who}-${tag}@clinic.example`,
    name: `${who === "admin" ? "Ada" : "Cato"} ${label} ${tag}`,
    password: `${who} reads ${tag} maps by the ${label} window`,
    role,
  });

  const admin = details("admin", "admin");
  const adminCli = await createAdminWithCli(admin);
  const adminContext = await browser.newContext({ baseURL });
  const adminPage = await adminContext.newPage();
  await openSetUpLink(adminPage, { text: adminCli.output, password: admin.password });
  const adminFactor = await enrol(adminPage, admin.password);

  const coordinator = details("coordinator", "coordinator");
  await inviteFromUsersPage(adminPage, { email: coordinator.email, role: "coordinator" });
  const { link } = await invitationLinkFor(coordinator.email);
  const coordinatorContext = await browser.newContext({ baseURL });
  const coordinatorPage = await coordinatorContext.newPage();
  await acceptInvitation(coordinatorPage, { link, name: coordinator.name, password: coordinator.password });
  const coordinatorFactor = await enrol(coordinatorPage, coordinator.password);

  const member = async (who: typeof admin, secret: string, context: BrowserContext): Promise<TeamMember> => {
    const storageState = await context.storageState();
    await context.close();
    return { ...who, id: (await staffUserByEmail(who.email)).id, secret, storageState };
  };
  return {
    tag,
    admin: await member(admin, adminFactor.secret, adminContext),
    coordinator: await member(coordinator, coordinatorFactor.secret, coordinatorContext),
  };
}
