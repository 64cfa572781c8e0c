import { randomInt } from "node:crypto";
import { expect } from "@playwright/test";

export type Answers = {
  firstName: string;
  phone: string;
  email: string;
  message: string;
  referrerName: string;
  referrerRelationship: string;
};

const letters = (count: number) => Array.from({ length: count }, () => "bcdfghjkmnpqrstvwxz"[randomInt(19)]).join("");

/**
 * Made-up answers, different on every call and distinctive enough that finding
 * one of them in a URL, an email, a log or a database column can only mean it leaked.
 */
export function makeAnswers(): Answers {
  const tag = letters(5);
  return {
    firstName: `Quorra${tag}`,
    phone: `312-555-${String(randomInt(100, 10_000)).padStart(4, "0")}`,
    email: `q.${tag}@example.net`,
    message: `My brother Halvard${tag} drinks every night and took pills on Friday`,
    referrerName: `Ysolde Marchbank${tag}`,
    referrerRelationship: "Godmother",
  };
}

/** The strings that must never appear outside the encrypted columns. */
export function sensitiveValues(answers: Answers, options: { referral?: boolean } = {}): string[] {
  const digits = answers.phone.replace(/\D/g, "");
  const values = [answers.firstName, answers.phone, digits, digits.slice(-7), answers.email, answers.message, answers.message.split(" ")[2] ?? ""];
  if (options.referral) values.push(answers.referrerName, answers.referrerName.split(" ")[1] ?? "", answers.referrerRelationship);
  return values.filter((value) => value.length > 0);
}

/** Fails listing every sensitive value found in `text` (case-insensitive). */
export function expectNoneOf(text: string, values: string[], where: string): void {
  const haystack = text.toLowerCase();
  const leaked = values.filter((value) => haystack.includes(value.toLowerCase()));
  expect(leaked, `personal data found in ${where}`).toEqual([]);
}
