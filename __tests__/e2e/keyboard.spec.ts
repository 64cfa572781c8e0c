import { expect, test } from "@playwright/test";
import { makeAnswers } from "./support/answers";
import { findStoredInquiry } from "./support/database";
import { TEXT } from "./support/form-text";
import {
  changeButton,
  confirmationHeading,
  consentCheckbox,
  continueButton,
  expectConfirmation,
  expectStep,
  firstNameInput,
  openForm,
  sendButton,
  textbox,
  waitForEnhancedForm,
  waitForMinimumFillTime,
} from "./support/inquiry-form";
import { expectFocusVisible, press, tabTo } from "./support/keyboard";

const en = TEXT.en;

// Keyboard only: no click, no fill. Every key press is followed by a check
// that the element with focus shows it (press/tabTo in support/keyboard.ts).
test("the whole form can be completed with the keyboard alone, and focus is always visible", async ({ page }) => {
  // About a hundred key presses, each followed by a look at the page.
  test.slow();
  const answers = makeAnswers();
  await openForm(page);
  await waitForEnhancedForm(page);

  // The skip link comes first and leads past the header.
  const skip = await press(page, "Tab");
  expect(skip.description).toContain("Skip to main content");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();

  // Step 1: into the radio group, Space to choose, arrow keys to move the choice.
  const myself = page.getByRole("radio", { name: en.requester.SELF });
  await tabTo(page, myself);
  await press(page, "Space");
  await expect(myself).toBeChecked();
  await press(page, "ArrowDown");
  await expect(page.getByRole("radio", { name: en.requester.LOVED_ONE })).toBeChecked();
  await press(page, "ArrowUp");
  await expect(myself).toBeChecked();
  await tabTo(page, continueButton(page));
  await page.keyboard.press("Enter");
  await expectStep(page, "en", "person");
  await expectFocusVisible(page, "Enter (the step heading that takes focus shows it)");

  // Step 2: Enter in a text box moves on a step.
  await tabTo(page, firstNameInput(page));
  await page.keyboard.type(answers.firstName);
  await page.keyboard.press("Enter");
  await expectStep(page, "en", "contact");
  await expectFocusVisible(page, "Enter");

  // Step 3.
  await tabTo(page, textbox(page, en.phone));
  await page.keyboard.type(answers.phone);
  await tabTo(page, textbox(page, en.email));
  await page.keyboard.type(answers.email);
  await tabTo(page, page.getByRole("radio", { name: en.phoneCall }));
  await press(page, "Space");
  await expect(page.getByRole("radio", { name: en.phoneCall })).toBeChecked();
  await tabTo(page, page.getByRole("checkbox", { name: en.evening }));
  await press(page, "Space");
  await expect(page.getByRole("checkbox", { name: en.evening })).toBeChecked();
  await tabTo(page, continueButton(page));
  await page.keyboard.press("Enter");
  await expectStep(page, "en", "more");
  await expectFocusVisible(page, "Enter");

  // Step 4: a select changed with the arrow keys, a text area typed into.
  const heardAbout = page.getByRole("combobox", { name: en.heardAbout });
  await tabTo(page, heardAbout);
  await press(page, "ArrowDown");
  await expect(heardAbout).not.toHaveValue("");
  await tabTo(page, textbox(page, en.message));
  await page.keyboard.type(answers.message);
  await tabTo(page, continueButton(page));
  await page.keyboard.press("Enter");
  await expectStep(page, "en", "insurance");
  await tabTo(page, continueButton(page));
  await page.keyboard.press("Enter");
  await expectStep(page, "en", "review");
  await expectFocusVisible(page, "Enter");

  // Step 6: "Change" goes back to the step, and Continue returns here.
  await tabTo(page, changeButton(page, "en", en.email));
  await page.keyboard.press("Enter");
  await expectStep(page, "en", "contact");
  await expectFocusVisible(page, "Enter");
  await expect(textbox(page, en.email)).toHaveValue(answers.email);
  await tabTo(page, continueButton(page));
  await page.keyboard.press("Enter");
  await expectStep(page, "en", "more");
  await expectFocusVisible(page, "Enter");
  await tabTo(page, continueButton(page));
  await page.keyboard.press("Enter");
  await expectStep(page, "en", "insurance");
  await tabTo(page, continueButton(page));
  await page.keyboard.press("Enter");
  await expectStep(page, "en", "review");
  await expectFocusVisible(page, "Enter");

  await tabTo(page, consentCheckbox(page));
  await press(page, "Space");
  await expect(consentCheckbox(page)).toBeChecked();
  // Shift+Tab goes back the same way.
  await tabTo(page, changeButton(page, "en", "Anything you would like us to know? (optional)"), { backwards: true });
  await tabTo(page, sendButton(page));
  await waitForMinimumFillTime(page);
  await page.keyboard.press("Enter");

  const code = await expectConfirmation(page);
  await expect(confirmationHeading(page)).toBeFocused();
  expect((await findStoredInquiry(code))?.inquiry.heardAbout).not.toBeNull();
});
