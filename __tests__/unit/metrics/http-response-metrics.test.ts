import { statusClassOf } from "@/lib/metrics/http-response-metrics";

describe("statusClassOf", () => {
  it.each([
    [101, "1xx"],
    [200, "2xx"],
    [201, "2xx"],
    [303, "3xx"],
    [404, "4xx"],
    [429, "4xx"],
    [503, "5xx"],
    [0, "other"],
    [600, "other"],
  ])("%i is %s", (status, expected) => {
    expect(statusClassOf(status)).toBe(expected);
  });
});
