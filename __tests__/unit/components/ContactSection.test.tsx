/** @jest-environment jsdom */
import { render, screen } from "@testing-library/react";
import { FormProvider, useForm } from "react-hook-form";
import { FieldErrorsContext } from "@/components/inquiry-form/field-errors-context";
import { ContactSection } from "@/components/inquiry-form/sections/ContactSection";

jest.mock("next-intl", () => jest.requireActual("@/__tests__/unit/components/fake-next-intl"));

const EITHER = "Give us a phone number or an email address so we can reach you.";

function Contact({ errors }: { errors: Record<string, string> }) {
  const form = useForm();
  return (
    <FormProvider {...form}>
      <FieldErrorsContext.Provider value={(name) => errors[name]}>
        <ContactSection />
      </FieldErrorsContext.Provider>
    </FormProvider>
  );
}

function descriptionOf(input: HTMLElement): string {
  const ids = (input.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? `(missing #${id})`).join(" | ");
}

const phone = () => screen.getByRole("textbox", { name: "Phone number" });
const email = () => screen.getByRole("textbox", { name: "Email address" });
const shownErrors = () => Array.from(document.querySelectorAll(".field-error"), (element) => element.textContent);

describe("ContactSection: phone and email", () => {
  it("shows the message both share once, above the pair, and both fields are marked and described by it", () => {
    render(<Contact errors={{ phone: EITHER, email: EITHER }} />);
    expect(shownErrors()).toEqual([`Error: ${EITHER}`]);
    expect(document.querySelector(".field-pair")?.className).toBe("field-pair field--error");
    for (const input of [phone(), email()]) {
      expect(input.getAttribute("aria-invalid")).toBe("true");
      expect(descriptionOf(input)).toContain(EITHER);
    }
    expect(phone().getAttribute("aria-describedby")).toBe("field-phone-hint field-phone-error");
    expect(email().getAttribute("aria-describedby")).toBe("field-phone-error");
  });

  it("shows different messages under their own fields", () => {
    render(<Contact errors={{ phone: "Enter a phone number we can call.", email: "Enter an email address like name@example.com." }} />);
    expect(shownErrors()).toEqual(["Error: Enter a phone number we can call.", "Error: Enter an email address like name@example.com."]);
    expect(document.querySelector(".field-pair")?.className).toBe("field-pair");
    expect(descriptionOf(phone())).toBe("For example 555-201-3344. | Error: Enter a phone number we can call.");
    expect(descriptionOf(email())).toBe("Error: Enter an email address like name@example.com.");
  });

  it("with one field's error only, marks that field alone", () => {
    render(<Contact errors={{ email: "Enter an email address like name@example.com." }} />);
    expect(shownErrors()).toEqual(["Error: Enter an email address like name@example.com."]);
    expect(phone().getAttribute("aria-invalid")).toBeNull();
    expect(phone().getAttribute("aria-describedby")).toBe("field-phone-hint");
    expect(email().getAttribute("aria-invalid")).toBe("true");
  });

  it("without errors, nothing is marked", () => {
    render(<Contact errors={{}} />);
    expect(shownErrors()).toEqual([]);
    expect(email().getAttribute("aria-describedby")).toBeNull();
  });
});
