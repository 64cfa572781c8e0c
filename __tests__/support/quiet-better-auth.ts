// Better Auth logs a console warning for every wrong password and unknown
// address ("Invalid password", "User not found"); the brute-force tests make
// dozens on purpose. This drops those warnings only: Better Auth's errors and
// every other console message still show.
export function quietBetterAuthWarnings(): void {
  let restore: (() => void) | undefined;
  beforeAll(() => {
    const original = console.warn;
    const spy = jest.spyOn(console, "warn").mockImplementation((...args: unknown[]) => {
      const [first] = args;
      if (typeof first === "string" && first.includes("WARN") && first.includes("[Better Auth]")) return;
      original(...args);
    });
    restore = () => spy.mockRestore();
  });
  afterAll(() => restore?.());
}
