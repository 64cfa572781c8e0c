import { needsStartTls } from "@/lib/notifications/mail-transport";

jest.mock("server-only", () => ({}));

describe("needsStartTls", () => {
  it.each(["smtp://mail.example.org:587", "smtp://user:pw@10.0.0.5:25", "smtp://[2001:db8::1]:587"])("requires STARTTLS for %s", (url) => {
    expect(needsStartTls(url)).toBe(true);
  });

  it.each(["smtps://mail.example.org:465", "smtp://127.0.0.1:2525", "smtp://localhost:25", "smtp://[::1]:25"])(
    "does not for %s (TLS from the first byte, or a relay on this machine)",
    (url) => {
      expect(needsStartTls(url)).toBe(false);
    },
  );
});
