import { expect, test, type Page } from "@playwright/test";
import { expectNoneOf, makeAnswers, sensitiveValues } from "./support/answers";
import { findStoredInquiry } from "./support/database";
import { literally, TEXT, type StepId } from "./support/form-text";
import {
  agreeToContact,
  answer,
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
  firstNameInput,
  openForm,
  progress,
  reviewAnswer,
  sendForm,
  stepHeading,
  textbox,
  waitForEnhancedForm,
} from "./support/inquiry-form";
import { theOneNotificationAbout } from "./support/mailbox";

const en = TEXT.en;
const es = TEXT.es;

test.describe("the form in Spanish", () => {
  test("completed in Spanish: Spanish errors and confirmation, and the request is stored with locale 'es'", async ({ page }) => {
    const answers = makeAnswers();
    await openForm(page, "es");
    await waitForEnhancedForm(page, "es");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page).toHaveTitle(es.title);
    await expect(page.getByRole("complementary", { name: es.crisisTitle })).toBeVisible();

    // Validation messages come from the browser-side check, in Spanish.
    await continueButton(page, "es").click();
    await expect(errorSummary(page, "es")).toBeFocused();
    await expect(errorSummary(page, "es").getByRole("heading")).toHaveText(es.summaryTitle(1));
    await expect(errorSummary(page, "es").getByRole("listitem")).toHaveText([es.errors.requesterType]);
    await chooseRequester(page, "es", "SELF");
    await continueTo(page, "es", "person");
    await continueButton(page, "es").click();
    await expect(errorSummary(page, "es").getByRole("listitem")).toHaveText([es.errors.firstName]);
    await expect(firstNameInput(page, "es")).toHaveAccessibleDescription(literally(es.errors.firstName));
    await answer(page, firstNameInput(page, "es"), answers.firstName);
    await continueTo(page, "es", "contact");
    await continueButton(page, "es").click();
    await expect(errorSummary(page, "es").getByRole("listitem")).toHaveText([es.errors.phoneOrEmail, es.errors.contactMethod]);
    await fillContactStep(page, "es", answers);
    await continueTo(page, "es", "more");
    await expect(page.getByRole("group", { name: es.languageGroup }).getByRole("radio", { name: "Español" }), "Spanish is the default here").toBeChecked();
    await fillMoreStep(page, "es", answers);
    await continueTo(page, "es", "insurance");
    await continueTo(page, "es", "review");
    await expect(reviewAnswer(page, es.phone)).toContainText(answers.phone);
    await expect(page.getByRole("link", { name: es.privacyLink })).toHaveAttribute("href", es.privacyPath);
    await page.getByRole("button", { name: es.send }).click();
    await expect(errorSummary(page, "es").getByRole("listitem")).toHaveText([es.errors.consent]);
    await agreeToContact(page, "es");
    await sendForm(page, "es");

    const code = await expectConfirmation(page, "es");
    await expect(confirmationHeading(page, "es")).toBeFocused();
    await expect(confirmation(page, "es")).toContainText("Qué pasa ahora");
    await expect(page.getByRole("main")).not.toContainText(/We received|reference code|What happens next/);
    expect(new URL(page.url()).pathname).toBe("/es/request");
    expectNoneOf(await confirmation(page, "es").innerText(), sensitiveValues(answers), "the confirmation");

    const stored = await findStoredInquiry(code);
    expect(stored, `an Inquiry row with reference ${code}`).toBeDefined();
    expect(stored?.inquiry).toMatchObject({ locale: "es", preferredLanguage: "es", requesterType: "SELF", urgency: "ROUTINE" });
    // The staff email is the same neutral one whatever the language of the form.
    expect((await theOneNotificationAbout(code)).subject).toBe(`New intake request ${code}`);
  });

  test("switching language mid-form keeps the answers and the step, and the request is sent in Spanish", async ({ page }) => {
    const answers = makeAnswers();
    await openForm(page, "en");
    await waitForEnhancedForm(page, "en");
    await chooseRequester(page, "en", "SELF");
    await continueTo(page, "en", "person");
    await answer(page, firstNameInput(page, "en"), answers.firstName);
    await continueTo(page, "en", "contact");
    await answer(page, textbox(page, en.phone), answers.phone);

    await page.getByRole("link", { name: en.switchLanguage }).click();
    await expect(page).toHaveURL(/\/es\/request$/);
    await expect(progress(page, "es", 3), "back on the step the person was on").toBeVisible();
    await expect(stepHeading(page, "es", "contact")).toBeVisible();
    expect(await page.evaluate(() => sessionStorage.length), "the answers handed over are not left in sessionStorage").toBe(0);
    await expect(textbox(page, es.phone), "the phone number typed in English").toHaveValue(answers.phone);

    // The earlier steps' answers, now labelled in Spanish.
    await backTo(page, "person");
    await expect(firstNameInput(page, "es"), "the first name typed in English").toHaveValue(answers.firstName);
    await backTo(page, "who");
    await expect(page.getByRole("radio", { name: es.requester.SELF }), "who it is for, chosen in English").toBeChecked();

    await continueTo(page, "es", "person");
    await continueTo(page, "es", "contact");
    await fillContactStep(page, "es", answers);
    await continueTo(page, "es", "more");
    // Never chosen by the person, the call-back language follows the switch.
    await expect(page.getByRole("group", { name: es.languageGroup }).getByRole("radio", { name: "Español" })).toBeChecked();
    await continueTo(page, "es", "insurance");
    await continueTo(page, "es", "review");
    await expect(reviewAnswer(page, es.requesterGroup)).toContainText(es.requester.SELF);
    await agreeToContact(page, "es");
    await sendForm(page, "es");
    const code = await expectConfirmation(page, "es");
    expect((await findStoredInquiry(code))?.inquiry).toMatchObject({ locale: "es", requesterType: "SELF", preferredLanguage: "es" });
  });

  test("switching language keeps ticked boxes and chosen options too (not only typed text)", async ({ page }) => {
    const answers = makeAnswers();
    // The handed-over form replaces the hydrated one: that must not upset React (a hydration mismatch is reported here).
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    await openForm(page, "en");
    await waitForEnhancedForm(page, "en");
    await completeGuidedForm(page, { answers, requester: "LOVED_ONE" });
    await page.getByRole("link", { name: en.switchLanguage }).click();
    await expect(page).toHaveURL(/\/es\/request$/);
    await expect(progress(page, "es", 6), "back on the review step").toBeVisible();
    await expect(reviewAnswer(page, es.requesterGroup)).toContainText(es.requester.LOVED_ONE);
    await expect(consentCheckbox(page, "es"), "the consent given on the English page").toBeChecked();

    await backTo(page, "insurance");
    await backTo(page, "more");
    await expect(page.getByRole("combobox", { name: es.heardAbout }), "how they heard of us").toHaveValue("FRIEND_OR_FAMILY");
    await expect(textbox(page, es.message)).toHaveValue(answers.message);
    await backTo(page, "contact");
    await expect(page.getByRole("radio", { name: es.phoneCall, exact: true }), "contact method").toBeChecked();
    await expect(page.getByRole("checkbox", { name: es.evening, exact: true }), "best times").toBeChecked();
    await expect(page.getByRole("checkbox", { name: es.morning, exact: true }), "a time not ticked stays unticked").not.toBeChecked();
    await backTo(page, "person");
    await expect(textbox(page, es.referrerName), "typed text").toHaveValue(answers.referrerName);
    const aware = page.getByRole("group", { name: es.personAwareGroup });
    await expect(aware.getByRole("radio", { name: es.personAwareNo, exact: true }), "whether they know").toBeChecked();
    await backTo(page, "who");
    await expect(page.getByRole("radio", { name: es.requester.LOVED_ONE }), "who it is for").toBeChecked();

    // And what is sent is what is shown.
    for (const step of ["person", "contact", "more", "insurance", "review"] as const) await continueTo(page, "es", step);
    await sendForm(page, "es");
    const code = await expectConfirmation(page, "es");
    expect((await findStoredInquiry(code))?.inquiry).toMatchObject({
      locale: "es",
      requesterType: "LOVED_ONE",
      preferredContactMethod: "PHONE",
      bestTimes: ["EVENING"],
      heardAbout: "FRIEND_OR_FAMILY",
    });
    expect(problems).toEqual([]);
  });

  test("the answers handed over are read once: a reload after the switch starts a fresh form", async ({ page }) => {
    await openForm(page, "en");
    await waitForEnhancedForm(page, "en");
    await chooseRequester(page, "en", "PROFESSIONAL");
    await continueTo(page, "en", "person");
    await page.getByRole("link", { name: en.switchLanguage }).click();
    await expect(progress(page, "es", 2)).toBeVisible();
    await backTo(page, "who");
    await expect(page.getByRole("radio", { name: es.requester.PROFESSIONAL })).toBeChecked();

    await page.reload();
    await waitForEnhancedForm(page, "es");
    await expect(page.getByRole("radio", { checked: true })).toHaveCount(0);
  });
});

/** Goes back one step with the Back button ("Atrás"), landing on `step`. */
async function backTo(page: Page, step: StepId): Promise<void> {
  await page.getByRole("button", { name: es.back, exact: true }).click();
  await expectStep(page, "es", step);
}
