// Runs a command's main and exits with its code; an unexpected error is
// printed and exits 1, so a failed command never looks like a success.
export function exitWith(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
