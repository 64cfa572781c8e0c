import { Writable } from "node:stream";
import pino from "pino";
import { describeError, loggerOptions } from "@/lib/logging/logger";

// The logger is the last line of defence for rule 1 (no personal data in logs).

function capture(): { lines: string[]; destination: Writable } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, destination };
}

describe("logger redaction", () => {
  it("replaces personal fields wherever they appear, keeping ids", () => {
    const { lines, destination } = capture();
    // The app logger's own options, writing to memory.
    const probe = pino({ ...loggerOptions, level: "info" }, destination);
    probe.info(
      { inquiryId: "abc", firstName: "Zephyrine", inquiry: { phone: "+12125550142", email: "z@example.org" }, nested: { deep: { message: "drinking" } } },
      "test",
    );
    const line = lines.join("");
    expect(line).toContain('"inquiryId":"abc"');
    for (const secret of ["Zephyrine", "+12125550142", "z@example.org", "drinking"]) expect(line).not.toContain(secret);
    expect(line).toContain("[redacted]");
  });
});

describe("describeError", () => {
  it("keeps the class and code but never the message", () => {
    const error = Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:5432 for zephyrine@example.org"), { code: "ECONNREFUSED" });
    expect(describeError(error)).toEqual({ type: "Error", code: "ECONNREFUSED" });
    expect(JSON.stringify(describeError(error))).not.toContain("zephyrine");
  });

  it("describes errors from another realm and non-errors", () => {
    expect(describeError({ name: "SmtpError", code: "EENVELOPE", message: "550 rejected x@y.z" })).toEqual({ type: "SmtpError", code: "EENVELOPE" });
    expect(describeError("boom")).toEqual({ type: "string" });
    expect(describeError(null)).toEqual({ type: "object" });
  });
});
