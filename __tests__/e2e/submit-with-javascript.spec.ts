import { expect, test, type Page } from "@playwright/test";
import type { ParsedMail } from "mailparser";
import { expectNoneOf, makeAnswers, sensitiveValues } from "./support/answers";
import { findStoredInquiry, type InquiryRow } from "./support/database";
import { inspectSummaryLinks } from "./support/field-links";
import { literally, TEXT, type RequesterType } from "./support/form-text";
import {
  agreeToContact,
  answer,
  changeButton,
  chooseRequester,
  completeGuidedForm,
  confirmation,
  confirmationHeading,
  consentCheckbox,
  continueButton,
  continueTo,
  errorSummary,
  expectConfirmation,
  expectStep,
  fillContactStep,
  fillMoreStep,
  fillPersonStep,
  firstNameInput,
  openForm,
  reviewAnswer,
  sendButton,
  sendForm,
  textbox,
  waitForEnhancedForm,
} from "./support/inquiry-form";
import { everythingReadableIn, theOneNotificationAbout } from "./support/mailbox";
import { e2eSettings } from "./support/settings";

const en = TEXT.en;

// lib/crypto/field-encryption.ts: v1.<keyId>.<iv>.<ciphertext+tag>; global-setup.ts names the key "e2e".
const CIPHERTEXT = /^v1\.e2e\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/;

async function expectNeutralPage(page: Page, values: string[]): Promise<void> {
  const url = new URL(page.url());
  expect(url.pathname + url.search + url.hash, "the URL after sending").toBe("/request");
  expectNoneOf(decodeURIComponent(page.url()), values, "the URL");
  await expect(page).toHaveTitle(en.title);
}

function expectEncrypted(row: InquiryRow, columns: (keyof InquiryRow)[]): void {
  for (const column of columns) expect(row[column], `${column} holds ciphertext`).toMatch(CIPHERTEXT);
}

function expectNeutralNotification(mail: ParsedMail, code: string, values: string[]): void {
  const settings = e2eSettings();
  expect(mail.subject).toBe(`New intake request ${code}`);
  expect([mail.to].flat().map((address) => address?.text ?? "").join(", ")).toContain(settings.notifyTo);
  const readable = everythingReadableIn(mail);
  expectNoneOf(readable, values, "the notification email");
  // Nor who asked, nor what the programme is about (ARCHITECTURE.md, confidentiality rule 1).
  expect(readable).not.toMatch(/myself|loved one|someone (I|they) care|themsel|referr|professional|client|patient/i);
  expect(mail.subject).not.toMatch(/addiction|substance|alcohol|drug|rehab|recovery|treatment|detox/i);
  expect(readable, "the email links to the app, to sign in").toContain(settings.baseUrl);
}

/** Asking for someone else: the referral questions appear, with the promise not to tell. Then the whole request, sent and checked end to end. */
async function referralRequest(page: Page, requester: Exclude<RequesterType, "SELF">): Promise<void> {
  const answers = makeAnswers();
  const values = sensitiveValues(answers, { referral: true });
  await openForm(page);
  await waitForEnhancedForm(page);
  await chooseRequester(page, "en", requester);
  await continueTo(page, "en", "person");
  await expect(page.getByRole("group", { name: "About you" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Their first name or a nickname" })).toBeVisible();
  await expect(page.getByText(en.referralNote)).toBeVisible();
  await fillPersonStep(page, "en", answers, requester);
  await continueTo(page, "en", "contact");
  await fillContactStep(page, "en", answers);
  await continueTo(page, "en", "more");
  await fillMoreStep(page, "en", answers);
  await continueTo(page, "en", "insurance");
  await continueTo(page, "en", "review");
  await expect(reviewAnswer(page, en.referrerName)).toContainText(answers.referrerName);
  await expect(reviewAnswer(page, en.requesterGroup)).toContainText(en.requester[requester]);
  await agreeToContact(page);
  await sendForm(page);

  const code = await expectConfirmation(page);
  await expectNeutralPage(page, values);
  expectNoneOf(await confirmation(page).innerText(), values, "the confirmation");

  const stored = await findStoredInquiry(code);
  expect(stored, `an Inquiry row with reference ${code}`).toBeDefined();
  if (!stored) return;
  expect(stored.inquiry.requesterType).toBe(requester);
  expectEncrypted(stored.inquiry, ["firstNameEnc", "referrerNameEnc", "referrerRelationshipEnc", "personAwareEnc", "phoneEnc", "emailEnc"]);
  expectNoneOf(JSON.stringify(stored), values, "the database (inquiry, consents, outbox, audit trail)");

  expectNeutralNotification(await theOneNotificationAbout(code), code, values);
}

test.describe("inquiry form with JavaScript", () => {
  test("a person asking for themselves gets a neutral reference code; what they typed is stored encrypted and mailed nowhere", async ({ page }) => {
    const answers = makeAnswers();
    const values = sensitiveValues(answers);
    await openForm(page);
    await waitForEnhancedForm(page);
    await completeGuidedForm(page, { answers });

    // The review step shows every answer, and "Change" goes back to its step.
    await expect(reviewAnswer(page, "Your first name or a nickname")).toContainText(answers.firstName);
    await expect(reviewAnswer(page, en.phone)).toContainText(answers.phone);
    await expect(reviewAnswer(page, en.message)).toContainText(answers.message);
    await changeButton(page, "en", en.phone).click();
    await expectStep(page, "en", "contact");
    await expect(textbox(page, en.phone), "the answer is still there").toHaveValue(answers.phone);
    await continueTo(page, "en", "more");
    await continueTo(page, "en", "insurance");
    await continueTo(page, "en", "review");
    await expect(consentCheckbox(page), "consent stays ticked after a change").toBeChecked();
    await sendForm(page);

    const code = await expectConfirmation(page);
    await expectNeutralPage(page, values);
    await expect(confirmationHeading(page), "focus moves to the confirmation").toBeFocused();
    await expect(page.getByRole("status"), "no status region any more: the heading takes focus instead").toHaveCount(0);
    expectNoneOf(await confirmation(page).innerText(), values, "the confirmation");

    const stored = await findStoredInquiry(code);
    expect(stored, `an Inquiry row with reference ${code}`).toBeDefined();
    if (!stored) return;
    expect(stored.inquiry).toMatchObject({
      requesterType: "SELF",
      urgency: "ROUTINE",
      locale: "en",
      referrerNameEnc: null,
      referrerRelationshipEnc: null,
      personAwareEnc: null,
    });
    expectEncrypted(stored.inquiry, ["firstNameEnc", "phoneEnc", "emailEnc", "messageEnc"]);
    expect(stored.inquiry.phoneHash).toMatch(/^[0-9a-f]{64}$/);
    expectNoneOf(JSON.stringify(stored), values, "the database (inquiry, consents, outbox, audit trail)");

    const mail = await theOneNotificationAbout(code);
    expectNeutralNotification(mail, code, values);
  });

  test("a person asking for someone they care about is asked about themselves too", async ({ page }) => {
    await referralRequest(page, "LOVED_ONE");
  });

  test("a professional asking for a client is asked about themselves too, and the email does not say who asked", async ({ page }) => {
    await referralRequest(page, "PROFESSIONAL");
  });

  test("each Continue checks its own step: an error summary takes focus, each error tied to its field; corrected, the request is accepted", async ({ page }) => {
    const answers = makeAnswers();
    await openForm(page);
    await waitForEnhancedForm(page);
    const summary = errorSummary(page);

    /** Continue (or Send) with the step unanswered: the summary lists `messages`, takes focus, and links to described fields. */
    const expectErrors = async (messages: string[]) => {
      await expect(summary).toBeVisible();
      await expect(summary, "the error summary takes focus").toBeFocused();
      await expect(summary.getByRole("heading")).toHaveText(en.summaryTitle(messages.length));
      await expect(summary.getByRole("listitem")).toHaveText(messages);
      const links = await inspectSummaryLinks(summary);
      expect(links.map((link) => link.message)).toEqual(messages);
      for (const link of links) {
        expect(link.targetFound, `"${link.message}" links to a control (#${link.targetId})`).toBe(true);
        expect(link.errorIdInDescription, `#${link.targetId} is described by its error`).toBe(true);
        expect(link.description, `#${link.targetId}'s description`).toContain(link.message);
      }
    };

    // Step 1: who is this for?
    await continueButton(page).click();
    await expectErrors([en.errors.requesterType]);
    await expect(page.getByRole("group", { name: en.requesterGroup })).toHaveAccessibleDescription(literally(en.errors.requesterType));
    await chooseRequester(page, "en", "LOVED_ONE");
    // Errors change only on Continue (GOV.UK pattern), so nothing moves under
    // the pointer while the person corrects an answer.
    await expect(summary, "the summary stays until the next Continue").toHaveCount(1);
    await continueTo(page, "en", "person");
    await expect(summary, "answered and continued, the error goes").toHaveCount(0);

    // Step 2: about the person (and, for someone else, about the one asking).
    await continueButton(page).click();
    await expectErrors([en.errors.firstName, en.errors.referrerName, en.errors.referrerRelationship, en.errors.personAware]);
    await expect(firstNameInput(page)).toHaveAttribute("aria-invalid", "true");
    await expect(firstNameInput(page)).toHaveAccessibleDescription(/Enter a first name or a nickname\./);
    await summary.getByRole("link", { name: en.errors.firstName }).click();
    await expect(firstNameInput(page), "the summary link leads to the field").toBeInViewport();
    await fillPersonStep(page, "en", answers, "LOVED_ONE");
    await continueTo(page, "en", "contact");

    // Step 3: how to reach you.
    await continueButton(page).click();
    await expectErrors([en.errors.phoneOrEmail, en.errors.contactMethod]);
    await expect(textbox(page, en.phone)).toHaveAccessibleDescription(literally(en.errors.phoneOrEmail));
    // The one message for both fields is shown once, above the pair, and describes both.
    await expect(page.locator(".field-error").filter({ hasText: en.errors.phoneOrEmail })).toHaveCount(1);
    await expect(textbox(page, en.email)).toHaveAttribute("aria-invalid", "true");
    await expect(textbox(page, en.email)).toHaveAccessibleDescription(literally(en.errors.phoneOrEmail));
    await fillContactStep(page, "en", answers);
    await continueTo(page, "en", "more");

    // Steps 4 and 5 ask nothing that is required.
    await continueTo(page, "en", "insurance");
    await continueTo(page, "en", "review");

    // Step 6: sending without consent (where focus goes then: the next test).
    await page.getByRole("button", { name: en.send }).click();
    await expect(summary.getByRole("listitem")).toHaveText([en.errors.consent]);
    await expect(consentCheckbox(page)).toHaveAccessibleDescription(/Please tick the box to let us contact you\./);
    await agreeToContact(page);
    await expect(summary, "errors change only when the person sends again").toHaveCount(1);

    // Back, and forward again: nothing is lost on the way.
    await page.getByRole("button", { name: en.back, exact: true }).click();
    await expectStep(page, "en", "insurance");
    await continueTo(page, "en", "review");
    await sendForm(page);
    const code = await expectConfirmation(page);
    expect((await findStoredInquiry(code))?.inquiry.requesterType).toBe("LOVED_ONE");
  });

  test("sending without consent: the error summary takes focus and is on screen", async ({ page }) => {
    await openForm(page);
    await waitForEnhancedForm(page);
    await completeGuidedForm(page, { answers: makeAnswers() });
    await consentCheckbox(page).uncheck();
    await sendButton(page).click();
    const summary = errorSummary(page);
    await expect(summary.getByRole("listitem")).toHaveText([en.errors.consent]);
    await page.waitForTimeout(200); // past the next animation frame, when the step heading may take focus
    const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80) ?? "(nothing)");
    await expect.soft(summary, `the error summary takes focus (focus is on ${focused})`).toBeFocused({ timeout: 1_000 });
    await expect.soft(summary, "the error summary is on screen").toBeInViewport({ timeout: 3_000 });
  });

  test("the error summary takes focus again on every Continue that still finds a problem", async ({ page }) => {
    await openForm(page);
    await waitForEnhancedForm(page);
    await chooseRequester(page, "en", "SELF");
    await continueTo(page, "en", "person");
    await answer(page, firstNameInput(page), "Quorra");
    await continueTo(page, "en", "contact");

    await continueButton(page).click();
    const summary = errorSummary(page);
    await expect(summary.getByRole("listitem")).toHaveCount(2);
    await expect(summary, "first Continue: the summary takes focus").toBeFocused();

    // One of the two answers given, the other still missing.
    await answer(page, textbox(page, en.phone), "312-555-0147");
    await continueButton(page).click();
    await expect(summary.getByRole("listitem")).toHaveText([en.errors.contactMethod]);
    await expect(summary, "second Continue, one error left: the summary takes focus again").toBeFocused({ timeout: 3_000 });
  });

  test("the first click after correcting an answer is not lost (the error summary does not move the page under the pointer)", async ({ page }) => {
    await openForm(page);
    await waitForEnhancedForm(page);
    await continueButton(page).click();
    await expect(errorSummary(page)).toBeFocused();

    // A person answers, reads on for a moment, then ticks the in-crisis box
    // with an ordinary click (the button held for 100 ms, as fingers do).
    await page.getByRole("radio", { name: en.requester.SELF }).click();
    await page.waitForTimeout(500);
    const inCrisis = page.getByRole("checkbox", { name: en.inCrisis });
    const before = await inCrisis.boundingBox();
    await inCrisis.click({ delay: 100 });
    const after = await inCrisis.boundingBox();
    await expect(
      inCrisis,
      `ticked with one click (the box was at y=${Math.round(before?.y ?? 0)} when pressed, y=${Math.round(after?.y ?? 0)} when released)`,
    ).toBeChecked({ timeout: 2_000 });
  });
});
