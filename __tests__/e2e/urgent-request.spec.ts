import { expect, test, type Locator } from "@playwright/test";
import { makeAnswers } from "./support/answers";
import { findStoredInquiry } from "./support/database";
import { TEXT } from "./support/form-text";
import {
  answer,
  chooseRequester,
  completeGuidedForm,
  confirmation,
  confirmationHeading,
  expectConfirmation,
  openForm,
  reviewAnswer,
  sendForm,
  urgentCrisisBlock,
  waitForEnhancedForm,
} from "./support/inquiry-form";
import { messagesAbout } from "./support/mailbox";

const en = TEXT.en;

async function top(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  expect(box, `${locator.toString()} has a box`).not.toBeNull();
  return box?.y ?? Number.NaN;
}

test("someone in danger: the crisis help is emphasised above the form at once, again on the confirmation, and the request is urgent", async ({ page }) => {
  await openForm(page);
  await waitForEnhancedForm(page);
  await expect(page.getByRole("complementary", { name: en.crisisTitle }), "the ordinary crisis block comes first").toBeVisible();
  await expect(urgentCrisisBlock(page)).toHaveCount(0);

  await chooseRequester(page, "en", "SELF", { inCrisis: true });
  const urgent = urgentCrisisBlock(page);
  await expect(urgent, "shown as soon as the box is ticked").toBeVisible();
  await expect(page.getByRole("complementary", { name: en.crisisTitle }), "it replaces the ordinary block").toHaveCount(0);
  await expect(urgent.getByRole("link", { name: "911" })).toHaveAttribute("href", "tel:911");
  expect(await top(urgent), "the emphasised block is above the form").toBeLessThan(await top(page.getByRole("heading", { level: 1, name: en.formHeading })));
  expect(await top(urgent), "and above the first question").toBeLessThan(await top(page.getByRole("group", { name: en.requesterGroup })));
  await expect(urgent).toHaveCSS("border-left-color", "rgb(179, 38, 30)");

  await page.getByRole("checkbox", { name: en.inCrisis }).uncheck();
  await expect(urgent, "unticked, the emphasis goes").toHaveCount(0);
  await answer(page, page.getByRole("checkbox", { name: en.inCrisis }), true);

  // The rest of the form, the in-crisis box already ticked on step 1.
  await completeGuidedForm(page, { answers: makeAnswers(), inCrisis: true });
  await expect(reviewAnswer(page, "Urgent")).toContainText("Yes");
  await sendForm(page);
  const code = await expectConfirmation(page);

  const urgentThen = confirmation(page).getByRole("alert", { name: en.urgentTitle });
  await expect(urgentThen).toBeVisible();
  await expect(urgentThen.getByRole("link", { name: "911" })).toHaveAttribute("href", "tel:911");
  await expect(urgentThen.getByRole("link", { name: "Call 988" })).toHaveAttribute("href", "tel:988");
  await expect(urgentThen.getByRole("link", { name: "text 988" })).toHaveAttribute("href", "sms:988");
  expect(await top(urgentThen), "crisis help comes before the confirmation text").toBeLessThan(await top(confirmationHeading(page)));
  // Emphasised: drawn in the error colour (--error), unlike the ordinary block.
  await expect(urgentThen).toHaveCSS("border-left-color", "rgb(179, 38, 30)");

  expect((await findStoredInquiry(code))?.inquiry.urgency).toBe("URGENT");
  await expect.poll(async () => (await messagesAbout(code)).map((mail) => mail.subject ?? ""), { timeout: 15_000 }).toEqual([`[Urgent] New intake request ${code}`]);
  const [mail] = await messagesAbout(code);
  expect(mail?.subject?.startsWith("[Urgent]")).toBe(true);
});
