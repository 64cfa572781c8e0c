/** @jest-environment jsdom */
import { saveHandoff, takeHandoff } from "@/components/inquiry-form/form-handoff";

const KEY = "iop-form-handoff";

describe("the language-switch hand-off", () => {
  beforeEach(() => window.sessionStorage.clear());

  it("carries the answers and the step to the next page, and is gone once read", () => {
    saveHandoff({ values: { requesterType: "SELF", bestTimes: ["EVENING"], okToText: true }, step: "contact" });
    expect(takeHandoff()).toEqual({ values: { requesterType: "SELF", bestTimes: ["EVENING"], okToText: true }, step: "contact" });
    expect(window.sessionStorage.length).toBe(0);
    expect(takeHandoff()).toBeUndefined();
  });

  it("keeps only the form's own fields and a known step from what storage holds", () => {
    window.sessionStorage.setItem(KEY, JSON.stringify({ values: { firstName: "Sam", formToken: "x", __proto__: 1 }, step: "elsewhere" }));
    expect(takeHandoff()).toEqual({ values: { firstName: "Sam" }, step: "who" });
  });

  it.each([["not json"], ["null"], ["42"], [JSON.stringify({ step: "who" })], [JSON.stringify({ values: "Sam" })]])(
    "reads %s as no hand-off, and removes it",
    (raw) => {
      window.sessionStorage.setItem(KEY, raw);
      expect(takeHandoff()).toBeUndefined();
      expect(window.sessionStorage.length).toBe(0);
    },
  );

  it("starts a fresh form when storage refuses (private browsing)", () => {
    const setItem = jest.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
      throw new DOMException("quota", "QuotaExceededError");
    });
    expect(() => saveHandoff({ values: { firstName: "Sam" }, step: "person" })).not.toThrow();
    setItem.mockRestore();
    expect(takeHandoff()).toBeUndefined();
  });
});
