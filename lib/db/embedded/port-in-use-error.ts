/** The chosen port is held by a program other than this data directory's server. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    portSetting: string | undefined,
  ) {
    const how = portSetting ? `set ${portSetting} to a free port` : "pass a different `port`";
    super(
      `Port ${port} on 127.0.0.1 is already in use by another program, so the embedded ` +
        `PostgreSQL cannot listen there. Stop that program (see \`lsof -i :${port}\`) or ${how}.`,
    );
    this.name = "PortInUseError";
  }
}
