import { Fragment, type ReactNode } from "react";
import en from "@/lib/i18n/messages/en.json";

// next-intl ships only ES modules, which this Jest setup cannot load, so the
// component tests use this stand-in: useTranslations over the real English
// messages, with plain {arguments} and <tags> (enough for the components
// tested; ICU plurals are not needed by them and are left as written).
// Use: jest.mock("next-intl", () => jest.requireActual("@/__tests__/unit/components/fake-next-intl")).

type Values = Record<string, unknown>;

function lookup(key: string): string {
  const found = key.split(".").reduce<unknown>((node, part) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[part] : undefined), en);
  if (typeof found !== "string") throw new Error(`no English message ${key}`);
  return found;
}

function fill(message: string, values: Values = {}): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

function rich(message: string, values: Values = {}): ReactNode {
  const parts = fill(message, values).split(/(<(\w+)>.*?<\/\2>)/);
  const nodes: ReactNode[] = [];
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index] ?? "";
    const tag = /^<(\w+)>(.*)<\/\1>$/.exec(part);
    const render = tag ? values[tag[1] ?? ""] : undefined;
    if (tag && typeof render === "function") {
      nodes.push(<Fragment key={index}>{(render as (text: string) => ReactNode)(tag[2] ?? "")}</Fragment>);
      index += 1;
    } else if (part !== "") {
      nodes.push(part);
    }
  }
  return nodes;
}

export function useTranslations(namespace?: string) {
  const full = (key: string) => (namespace ? `${namespace}.${key}` : key);
  const t = (key: string, values?: Values) => fill(lookup(full(key)), values);
  t.rich = (key: string, values?: Values) => rich(lookup(full(key)), values);
  t.has = (key: string) => {
    try {
      lookup(full(key));
      return true;
    } catch {
      return false;
    }
  };
  return t;
}
