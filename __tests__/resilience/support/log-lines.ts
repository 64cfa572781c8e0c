import { readFileSync } from "node:fs";

// The app and the worker log JSON lines (pino). Reading them back lets a test
// see which process did what, e.g. which worker sent which notification.
export type LogLine = { msg?: string; level?: number; notificationId?: string; [key: string]: unknown };

export function readLogLines(file: string): LogLine[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  return text.split("\n").flatMap((line) => {
    if (!line.startsWith("{")) return [];
    try {
      return [JSON.parse(line) as LogLine];
    } catch {
      return [];
    }
  });
}

/** Ids of the notifications a process logged as sent. */
export function sentNotificationIds(file: string): string[] {
  return readLogLines(file)
    .filter((line) => line.msg === "notification sent" && typeof line.notificationId === "string")
    .map((line) => line.notificationId as string);
}
