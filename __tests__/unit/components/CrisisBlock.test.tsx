/** @jest-environment jsdom */
import { render, screen, within } from "@testing-library/react";
import { CrisisBlock } from "@/components/ui/CrisisBlock";

jest.mock("next-intl", () => jest.requireActual("@/__tests__/unit/components/fake-next-intl"));

const HELP = [
  ["call 911", "tel:911"],
  ["call 988", "tel:988"],
  ["text 988", "sms:988"],
  ["1-800-662-4357", "tel:18006624357"],
] as const;

function linksIn(block: HTMLElement): [string, string | null][] {
  return within(block)
    .getAllByRole("link")
    .map((link) => [(link.textContent ?? "").toLowerCase(), link.getAttribute("href")]);
}

describe("CrisisBlock", () => {
  it("in full: says the form is not monitored and links 911, 988 (call and text) and SAMHSA", () => {
    render(<CrisisBlock />);
    const block = screen.getByRole("complementary", { name: "Need help right now?" });
    expect(block).toHaveProperty("className", "crisis");
    expect(block.textContent).toContain("not monitored around the clock");
    expect(linksIn(block)).toEqual(HELP.map(([name, href]) => [name === "call 911" ? "911" : name, href]));
  });

  it("compact (above the form): the same help, every number still a link", () => {
    render(<CrisisBlock compact />);
    const block = screen.getByRole("complementary", { name: "Need help right now?" });
    expect(block).toHaveProperty("className", "crisis crisis--compact");
    expect(block.textContent).toContain("not monitored around the clock");
    expect(block.textContent).toContain("SAMHSA National Helpline, free, 24/7, English and Spanish");
    expect(linksIn(block)).toEqual(HELP.map(([name, href]) => [name, href]));
  });

  it("emphasised, it is an alert and never compact", () => {
    render(<CrisisBlock emphasised compact />);
    const block = screen.getByRole("alert", { name: "If someone is in danger, get help now" });
    expect(block).toHaveProperty("className", "crisis crisis--urgent");
    expect(linksIn(block).map(([, href]) => href)).toEqual(HELP.map(([, href]) => href));
  });
});
