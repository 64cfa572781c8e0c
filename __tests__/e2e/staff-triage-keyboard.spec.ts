import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectFocusVisible, focusState, tabTo } from "./support/keyboard";
import { e2eSettings } from "./support/settings";
import { withStaffDb } from "./support/staff/staff-database";
import { submitTestInquiry, type TestInquiry } from "./support/staff/test-inquiry";
import { createTriageTeam, type TriageTeam } from "./support/staff/triage-team";
import { totpCode } from "@/__tests__/support/totp";

// A coordinator triages a new inquiry from arrival to "Screening scheduled"
// with the keyboard alone: Tab / Shift+Tab, Enter, j and typing into the
// focused field. Locators only say where focus should go (and are then
// reached by Tab) or check what the page shows; nothing is clicked or filled.
// After every key press focus must be visible (outline or box-shadow, on
// screen); after every action it must still be somewhere, not on <body>.
// Each step is checked in the database and on the inquiry's timeline.

test.describe.configure({ mode: "serial" });

let team: TriageTeam;
let inquiry: TestInquiry;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  team = await createTriageTeam(browser, "keyboard");
});

type InquiryState = { status: string; assigneeId: string | null; attempts: string[]; notes: number; actions: string[] };

async function inquiryState(id: string, actorId: string): Promise<InquiryState> {
  return withStaffDb(async (client) => {
    const row = (await client.query<{ status: string; assigneeId: string | null }>(`SELECT status, "assigneeId" FROM "Inquiry" WHERE id = $1`, [id])).rows[0];
    if (!row) throw new Error(`inquiry ${id} not found`);
    const attempts = await client.query<{ what: string }>(
      `SELECT channel || ':' || outcome AS what FROM "ContactAttempt" WHERE "inquiryId" = $1 AND "staffUserId" = $2 ORDER BY "attemptedAt"`,
      [id, actorId],
    );
    const notes = await client.query<{ count: string }>(`SELECT count(*) FROM "InquiryNote" WHERE "inquiryId" = $1 AND "authorId" = $2`, [id, actorId]);
    const actions = await client.query<{ action: string }>(
      `SELECT action FROM "AuditEvent" WHERE "inquiryId" = $1 AND "actorId" = $2 AND action <> 'inquiry.viewed' ORDER BY id`,
      [id, actorId],
    );
    return {
      status: row.status,
      assigneeId: row.assigneeId,
      attempts: attempts.rows.map((attempt) => attempt.what),
      notes: Number(notes.rows[0]?.count ?? 0),
      actions: actions.rows.map((event) => event.action),
    };
  });
}

/**
 * Moves focus to `target` with Tab, or Shift+Tab when it lies above the
 * focused element (a person sees which way to go; the script asks the DOM).
 * Every stop on the way must show visible focus: soft, so one run lists every
 * control without a focus indicator (support/keyboard.ts's tabTo stops at the
 * first one).
 */
// The record page now also carries the insurance panel (two coverage forms,
// the verification form) and this spec's record lists every earlier test
// inquiry with its phone as a possible duplicate: 160 presses, not 80.
async function focusByKeyboard(page: Page, target: Locator, max = 160): Promise<void> {
  const handle = await target.elementHandle();
  if (!handle) throw new Error(`${target.toString()} is not on the page`);
  try {
    const above = await handle.evaluate((element) => {
      const active = document.activeElement;
      if (!active || active === document.body) return false;
      return Boolean(active.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING);
    });
    const key = above ? "Shift+Tab" : "Tab";
    const path: string[] = [];
    for (let presses = 1; presses <= max; presses += 1) {
      await page.keyboard.press(key);
      const state = await focusState(page, handle);
      path.push(state.description);
      if (!state.visible) {
        const detail = await page.evaluate(() => {
          const element = document.activeElement;
          if (!element || element === document.body) return "";
          const style = getComputedStyle(element);
          return `:focus-visible ${element.matches(":focus-visible")}, outline ${style.outlineStyle} ${style.outlineWidth}`;
        });
        expect.soft(state.visible, `after ${key}, focus on ${state.description} is visible (${state.indicator}; ${detail})`).toBe(true);
      }
      if (state.isTarget) return;
    }
    throw new Error(`${key} ×${max} never reached ${target.toString()}; focus went: ${path.join(" → ")}`);
  } finally {
    await handle.dispose();
  }
}

/**
 * After an action (the page re-rendered by the server action), focus must
 * still be on the page and visible: a keyboard user must not be thrown back to
 * the top of the document. Soft, so one run reports every step.
 */
async function expectFocusKept(page: Page, step: string): Promise<void> {
  // Two frames: time for React to commit the re-render.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const state = await focusState(page);
  expect.soft(state.description, `after ${step}, focus is still on an element (not <body>)`).not.toBe("(body)");
  if (state.description !== "(body)") expect.soft(state.visible, `after ${step}, focus on ${state.description} is visible (${state.indicator})`).toBe(true);
}

async function pressEnter(page: Page, after: string): Promise<void> {
  await page.keyboard.press("Enter");
  await expectFocusKept(page, after);
}

test("a coordinator triages a new inquiry from arrival to 'Screening scheduled' with the keyboard only", async ({ browser }) => {
  test.setTimeout(150_000);
  // Arrival: an inquiry through the public API, as the form's script sends it.
  inquiry = await submitTestInquiry();
  const { coordinator } = team;

  const context = await browser.newContext({ baseURL: e2eSettings().baseUrl });
  const page = await context.newPage();
  try {
    // ── Sign in: password, then the code the authenticator app shows. ──
    await page.goto("/staff/sign-in");
    await tabTo(page, page.getByLabel("Email address"));
    await page.keyboard.type(coordinator.email);
    await tabTo(page, page.getByLabel("Password", { exact: true }));
    await page.keyboard.type(coordinator.password);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/staff\/sign-in\/verify$/);
    const codeField = page.getByLabel("6-digit code from your authenticator app");
    const codeFocused = await codeField.evaluate((element) => element === document.activeElement);
    if (!codeFocused) await tabTo(page, codeField);
    await page.keyboard.type(totpCode(coordinator.secret));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/staff$/);
    await expect(page.getByRole("heading", { level: 1, name: `Hello, ${coordinator.name}` })).toBeVisible();

    // ── The inbox, from the navigation. ──
    await tabTo(page, page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Inbox" }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/staff\/inquiries$/);
    await expect(page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
    const rowLink = page.locator("a[data-inbox-row-link]", { hasText: inquiry.referenceCode });
    await expect(rowLink).toBeVisible();

    // j moves down the list (k back up) until the new inquiry has focus.
    const rows = await page.locator("a[data-inbox-row-link]").count();
    let found = false;
    for (let presses = 0; presses < rows && !found; presses += 1) {
      await page.keyboard.press("j");
      const state = await expectFocusVisible(page, "j");
      expect(state.description, "j puts focus on an inquiry's link").toMatch(/^<a>/);
      found = await rowLink.evaluate((element) => element === document.activeElement);
    }
    expect(found, `j reaches ${inquiry.referenceCode} in the inbox`).toBe(true);
    if (rows > 1) {
      // k goes back up one, j down again (or the other way round on the last row).
      const last = await page.locator("a[data-inbox-row-link]").last().evaluate((element) => element === document.activeElement);
      for (const key of last ? ["k", "j"] : ["j", "k"]) {
        await page.keyboard.press(key);
        await expectFocusVisible(page, key);
      }
    }
    await expect(rowLink).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/staff/inquiries/${inquiry.id}$`));
    await expect(page.getByRole("heading", { level: 1, name: `Inquiry ${inquiry.referenceCode}` })).toBeVisible();
    expect(await inquiryState(inquiry.id, coordinator.id)).toMatchObject({ status: "NEW", assigneeId: null, attempts: [], notes: 0 });

    // ── Take it: "Assign to me". ──
    // Focus must survive the button going away (it moves to the panel).
    const assignment = page.getByRole("region", { name: "Assignment" });
    await focusByKeyboard(page, assignment.getByRole("button", { name: "Assign to me" }));
    await pressEnter(page, "Assign to me");
    await expect(assignment.getByText(`Assigned to ${coordinator.name} (you)`)).toBeVisible();
    await expect.poll(async () => (await inquiryState(inquiry.id, coordinator.id)).assigneeId).toBe(coordinator.id);
    await expectFocusKept(page, "Assign to me (re-rendered)");

    // ── A call nobody answers, then one that reaches the person. ──
    // Tab passes the "Next follow-up" date-time field, whose outline must show.
    const attempts = page.getByRole("region", { name: "Contact attempts" });
    await focusByKeyboard(page, attempts.getByRole("button", { name: "Called: no answer" }));
    await pressEnter(page, "Called: no answer");
    await expect.poll(async () => (await inquiryState(inquiry.id, coordinator.id)).attempts).toEqual(["CALL:NO_ANSWER"]);
    await expect(attempts.getByRole("cell", { name: "Called: no answer" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Stage" }).getByText("Contact attempted", { exact: true })).toBeVisible();
    await expectFocusKept(page, "Called: no answer (re-rendered)");

    await focusByKeyboard(page, attempts.getByRole("button", { name: "Called: reached" }));
    await pressEnter(page, "Called: reached");
    await expect.poll(async () => (await inquiryState(inquiry.id, coordinator.id)).attempts).toEqual(["CALL:NO_ANSWER", "CALL:REACHED"]);
    await expect(attempts.getByRole("cell", { name: "Called: reached" })).toBeVisible();
    await expectFocusKept(page, "Called: reached (re-rendered)");
    // Reaching the person moves the stage on by itself.
    await expect.poll(async () => (await inquiryState(inquiry.id, coordinator.id)).status).toBe("REACHED");

    // ── Book the screening: the stage button above, with Shift+Tab. ──
    const stage = page.getByRole("region", { name: "Stage" });
    await focusByKeyboard(page, stage.getByRole("button", { name: "Move to Screening scheduled" }));
    await pressEnter(page, "Move to Screening scheduled");
    await expect.poll(async () => (await inquiryState(inquiry.id, coordinator.id)).status).toBe("SCREENING_SCHEDULED");
    await expect(stage.getByText("Screening scheduled", { exact: true })).toBeVisible();
    await expectFocusKept(page, "Move to Screening scheduled (re-rendered)");

    // ── A note, typed into the focused box and sent with its button. ──
    const noteText = `Screening booked by phone for Thursday (${team.tag}).`;
    const notes = page.getByRole("region", { name: "Notes" });
    await focusByKeyboard(page, notes.getByLabel("New note"));
    await page.keyboard.type(noteText);
    await expect(notes.getByLabel("New note")).toHaveValue(noteText);
    await focusByKeyboard(page, notes.getByRole("button", { name: "Add note" }), 5);
    await pressEnter(page, "Add note");
    await expect.poll(async () => (await inquiryState(inquiry.id, coordinator.id)).notes).toBe(1);
    await expect(notes.getByRole("article", { name: `Note by ${coordinator.name}` })).toContainText(noteText);
    await expectFocusKept(page, "Add note (re-rendered)");

    // ── The record of it all: database and timeline. ──
    const final = await inquiryState(inquiry.id, coordinator.id);
    expect(final).toMatchObject({ status: "SCREENING_SCHEDULED", assigneeId: coordinator.id, attempts: ["CALL:NO_ANSWER", "CALL:REACHED"], notes: 1 });
    expect(final.actions).toEqual(
      expect.arrayContaining(["inquiry.assigned", "inquiry.contact_attempt_logged", "inquiry.stage_changed", "inquiry.note_added"]),
    );
    const timeline = page.getByRole("region", { name: "Timeline" });
    for (const entry of [
      "Took the inquiry (assigned to self)",
      "Called: no answer",
      "Stage New → Contact attempted, following a logged attempt",
      "Called: reached",
      "Stage Contact attempted → Reached, following a logged attempt",
      "Stage Reached → Screening scheduled",
      "Added a note",
    ]) {
      await expect(timeline.getByRole("listitem").filter({ hasText: entry }).first(), `timeline: ${entry}`).toBeVisible();
    }
  } finally {
    await context.close();
  }
});
