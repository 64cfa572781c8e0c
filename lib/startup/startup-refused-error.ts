// A pre-flight check's verdict that this process must not start. The message
// reaches the operator's terminal as it is: it names the variable, key id or
// command to run, and never a secret or a connection string.
export class StartupRefusedError extends Error {
  override name = "StartupRefusedError";
}
