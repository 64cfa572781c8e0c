import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import clinic from "@/lib/clinic/clinic.json";
import { DEFAULT_LOCALE, LOCALES } from "@/lib/i18n/locales";

// Every language of the public pages says everything the default language
// says, and nothing it does not: same keys, no empty text, the same
// {placeholders} and <tags>. Read from the files on disk, so a language
// listed in lib/i18n/locales.ts without its files, or files for a language
// nobody listed, fail here too.
const DIR = path.join(process.cwd(), "lib/i18n/messages");
const CATALOGUES = [
  { kind: "messages", file: (locale: string) => `${locale}.json` },
  { kind: "privacy notice", file: (locale: string) => `privacy.${locale}.json` },
];

type Leaves = Map<string, unknown>;

function leavesOf(value: unknown, prefix = "", into: Leaves = new Map()): Leaves {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) leavesOf(child, prefix ? `${prefix}.${key}` : key, into);
  } else if (Array.isArray(value)) {
    into.set(`${prefix}[length]`, value.length);
    value.forEach((child, index) => leavesOf(child, `${prefix}[${index}]`, into));
  } else {
    into.set(prefix, value);
  }
  return into;
}

function read(file: string): Leaves {
  return leavesOf(JSON.parse(readFileSync(path.join(DIR, file), "utf8")));
}

// "{phone}", "<call>": what ICU formatting fills in, which a translation must keep.
function slotsOf(text: unknown): string[] {
  return typeof text === "string" ? [...text.matchAll(/\{(\w+)|<\/?(\w+)>/g)].map((m) => m[0]).sort() : [];
}

const others = LOCALES.filter((locale) => locale !== DEFAULT_LOCALE);

describe.each(CATALOGUES)("the $kind", ({ file }) => {
  const reference = read(file(DEFAULT_LOCALE));

  it("has no empty text in the default language", () => {
    const empty = [...reference].filter(([, value]) => typeof value !== "number" && (typeof value !== "string" || value.trim() === "")).map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(others)("in %s has every key of the default language, none empty, and no others", (locale) => {
    const translated = read(file(locale));
    const missing = [...reference.keys()].filter((key) => {
      const value = translated.get(key);
      return value === undefined || (typeof value === "string" && value.trim() === "");
    });
    const extra = [...translated.keys()].filter((key) => !reference.has(key));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(others)("in %s keeps each text's placeholders and tags", (locale) => {
    const translated = read(file(locale));
    const differing = [...reference].filter(([key, value]) => translated.has(key) && slotsOf(value).join() !== slotsOf(translated.get(key)).join()).map(([key]) => key);
    expect(differing).toEqual([]);
  });
});

it("has files for exactly the listed languages", () => {
  const onDisk = readdirSync(DIR).filter((name) => name.endsWith(".json"));
  const expected = LOCALES.flatMap((locale) => CATALOGUES.map((catalogue) => catalogue.file(locale)));
  expect(onDisk.sort()).toEqual(expected.sort());
});

it("has the clinic's hours and programme description in every listed language", () => {
  expect(Object.keys(clinic.hours).sort()).toEqual([...LOCALES].sort());
  expect(Object.keys(clinic.programme).sort()).toEqual([...LOCALES].sort());
});
