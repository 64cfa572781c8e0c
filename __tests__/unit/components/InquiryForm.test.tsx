/** @jest-environment jsdom */
import { screen } from "@testing-library/react";
import type * as ReactModule from "react";
import type * as ReactDomClient from "react-dom/client";
import type * as ReactDomServer from "react-dom/server";
import type * as InquiryFormModule from "@/components/inquiry-form/InquiryForm";
import { LANGUAGE_SWITCH_EVENT } from "@/components/site/LanguageSwitch";

jest.mock("next-intl", () => jest.requireActual("@/__tests__/unit/components/fake-next-intl"));

const KEY = "iop-form-handoff";
// The server action has no part here: the form receives it as a prop.
const submit = jest.fn();
const PROPS = {
  locale: "en",
  formToken: "token",
  clinic: { phone: "555", phoneHref: "tel:555", hours: "9-5" },
  privacyHref: "/privacy",
  submit,
  referralSources: [{ code: "SEARCH", label: "Internet search" }],
} as const;

type Page = { React: typeof ReactModule; client: typeof ReactDomClient; server: typeof ReactDomServer; form: typeof InquiryFormModule };

// A fresh set of modules per test, as a new page load would have: the form
// keeps the hand-off it read for the life of the page. React comes along, so
// the form and the renderer share one copy.
function loadPage(): Page {
  let page: Page | undefined;
  jest.isolateModules(() => {
    page = {
      React: jest.requireActual("react"),
      client: jest.requireActual("react-dom/client"),
      server: jest.requireActual("react-dom/server"),
      form: jest.requireActual("@/components/inquiry-form/InquiryForm"),
    };
  });
  if (!page) throw new Error("the page's modules did not load");
  return page;
}

/** As in the browser: the server's HTML first, then React hydrates it. */
async function serveAndHydrate(): Promise<Page> {
  const page = loadPage();
  const { InquiryForm } = page.form;
  const container = document.createElement("div");
  container.innerHTML = page.server.renderToString(<InquiryForm {...PROPS} />);
  document.body.replaceChildren(container);
  await page.React.act(async () => {
    page.client.hydrateRoot(container, <InquiryForm {...PROPS} />, {
      onRecoverableError: (error) => {
        throw error;
      },
    });
  });
  return page;
}

const radio = (name: string) => screen.getByRole<HTMLInputElement>("radio", { name, hidden: true });
const checkbox = (name: RegExp) => screen.getByRole<HTMLInputElement>("checkbox", { name, hidden: true });
const activeStep = () => document.querySelector<HTMLElement>(".form-step:not([hidden]) h2")?.textContent;

describe("InquiryForm after a language switch", () => {
  beforeEach(() => window.sessionStorage.clear());

  it("without a hand-off: a fresh form on step 1, defaults only", async () => {
    await serveAndHydrate();
    expect(activeStep()).toBe("Who is this for?");
    expect(radio("Myself").checked).toBe(false);
    expect(radio("English").checked).toBe(true);
  });

  it("renders the handed-over answers ticked and chosen, on the step the person was on, and empties storage", async () => {
    const values = {
      requesterType: "LOVED_ONE",
      personAware: "NO",
      referrerName: "Ysolde",
      preferredContactMethod: "TEXT",
      bestTimes: ["MORNING", "EVENING"],
      okToText: true,
      preferredLanguage: "es",
    };
    window.sessionStorage.setItem(KEY, JSON.stringify({ values, step: "contact" }));
    await serveAndHydrate();
    expect(window.sessionStorage.length).toBe(0);
    expect(activeStep()).toBe("How we can reach you");
    expect(radio("Someone I care about").checked).toBe(true);
    expect(radio("Text message").checked).toBe(true);
    expect(checkbox(/^Morning/).checked).toBe(true);
    expect(checkbox(/^Afternoon/).checked).toBe(false);
    expect(checkbox(/^Evening/).checked).toBe(true);
    expect(checkbox(/send text messages/).checked).toBe(true);
    expect(checkbox(/leave a voicemail/).checked).toBe(false);
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: "Your name", hidden: true }).value).toBe("Ysolde");
    expect(radio("Español").checked).toBe(true);
    // What a person sees is what the form would send.
    const posted = new FormData(document.querySelector("form") ?? undefined);
    expect(posted.getAll("bestTimes")).toEqual(["MORNING", "EVENING"]);
    expect(posted.get("requesterType")).toBe("LOVED_ONE");
    expect(posted.get("personAware")).toBe("NO");
  });

  it("on switching, hands over the answers and the step; a call-back language left at this page's own is not handed over", async () => {
    window.sessionStorage.setItem(KEY, JSON.stringify({ values: { requesterType: "SELF", firstName: "Sam" }, step: "person" }));
    const page = await serveAndHydrate();
    page.React.act(() => {
      window.dispatchEvent(new Event(LANGUAGE_SWITCH_EVENT));
    });
    const saved = JSON.parse(window.sessionStorage.getItem(KEY) ?? "{}") as { values: Record<string, unknown>; step: string };
    expect(saved.step).toBe("person");
    expect(saved.values).toMatchObject({ requesterType: "SELF", firstName: "Sam" });
    expect(saved.values).not.toHaveProperty("preferredLanguage");
  });
});
