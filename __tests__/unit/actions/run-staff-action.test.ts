import { z } from "zod";
import { AppError } from "@/lib/actions/app-error";
import { runStaffAction } from "@/lib/actions/run-staff-action";
import { requireStaffAction, StaffAccessDeniedError, type StaffContext } from "@/lib/auth/require-staff";
import { logger } from "@/lib/logging/logger";
import { TriageRefusedError, StaffNotActiveError } from "@/lib/triage/access/triage-errors";
import { revalidatePath } from "next/cache";

// The one frame of every staff server action, with the session and Next's
// cache stubbed (unit test); the actions themselves run for real in the e2e
// authorisation matrix and hostile-input specs.
jest.mock("next/cache", () => ({ revalidatePath: jest.fn() }));
jest.mock("@/lib/auth/require-staff", () => {
  const actual: Record<string, unknown> = jest.requireActual("@/lib/auth/require-staff");
  return { ...actual, requireStaffAction: jest.fn() };
});

const staff = { user: { id: "user-1", role: "coordinator" } } as unknown as StaffContext;
const signedIn = jest.mocked(requireStaffAction);
const Schema = z.object({ note: z.string().min(1, "Write the note."), inquiryId: z.string() });
const input = { note: "Called back", inquiryId: "abc" };

beforeEach(() => {
  jest.clearAllMocks();
  signedIn.mockResolvedValue(staff);
});

it("runs the work with the parsed input and re-renders the page", async () => {
  const work = jest.fn(async () => ({ ok: true as const, message: "Note added." }));
  const state = await runStaffAction({ input, schema: Schema, work, revalidate: (parsed) => `/staff/inquiries/${parsed.inquiryId}` });
  expect(state).toEqual({ ok: true, message: "Note added." });
  expect(work).toHaveBeenCalledWith(staff, input);
  expect(revalidatePath).toHaveBeenCalledWith("/staff/inquiries/abc");
});

it("answers a missing session or role before parsing anything, in words that fit the action", async () => {
  signedIn.mockRejectedValue(new StaffAccessDeniedError("signed-out"));
  const work = jest.fn();
  expect(await runStaffAction({ input, schema: Schema, work })).toEqual({
    ok: false,
    fieldErrors: {},
    formError: "Your session has ended. Sign in again, then repeat this step.",
  });
  // What was typed is not echoed to a caller refused at the door.
  expect(await runStaffAction({ access: "admin", input, schema: Schema, work, keep: { note: "x" } })).toEqual({
    ok: false,
    fieldErrors: {},
    formError: "Only administrators can do that.",
  });
  expect(signedIn).toHaveBeenLastCalledWith({ role: "admin" });
  expect(work).not.toHaveBeenCalled();
});

it("gives one message per field for bad input and keeps what was typed", async () => {
  const work = jest.fn();
  const state = await runStaffAction({ input: { note: "", inquiryId: "abc" }, schema: Schema, work, keep: { note: "" } });
  expect(state).toEqual({ ok: false, fieldErrors: { note: "Write the note." }, formError: null, values: { note: "" } });
  expect(work).not.toHaveBeenCalled();
});

it("turns an AppError into a message for its field or the form, and a forbidden one for admins into the admin refusal", async () => {
  const refusedOn = (error: Error, access?: "admin") =>
    runStaffAction({ access, input, schema: Schema, work: async () => Promise.reject(error) });
  expect(await refusedOn(new TriageRefusedError("Pick a later time.", "nextFollowUpAt"))).toEqual({ ok: false, fieldErrors: { nextFollowUpAt: "Pick a later time." }, formError: null });
  expect(await refusedOn(new AppError("Already closed."))).toEqual({ ok: false, fieldErrors: {}, formError: "Already closed." });
  expect(await refusedOn(new StaffNotActiveError(), "admin")).toEqual({ ok: false, fieldErrors: {}, formError: "Only administrators can do that." });
  expect(await refusedOn(new AppError("x", { kind: "reauthenticate" }))).toEqual({
    ok: false,
    fieldErrors: {},
    formError: "Confirm it's you first (link at the top of the page).",
  });
});

it("logs anything else by its class only and tells the person nothing changed", async () => {
  const error = jest.spyOn(logger, "error").mockImplementation(() => undefined);
  const state = await runStaffAction({ input, schema: Schema, work: async () => Promise.reject(new RangeError("Jane Doe 555-0100")) });
  expect(state).toEqual({ ok: false, fieldErrors: {}, formError: expect.stringContaining("nothing was changed") });
  expect(error).toHaveBeenCalledWith(expect.objectContaining({ userId: "user-1" }), "staff action failed");
  expect(revalidatePath).not.toHaveBeenCalled();
  error.mockRestore();
});
