import { gzipSync } from "node:zlib";

export type FirstLoadJs = {
  route: string;
  status: number;
  scripts: number;
  /** `<script src>` chunks, bytes as served and gzipped (level 9 — what a CDN would send). */
  rawBytes: number;
  gzipBytes: number;
  /** Inline `<script>` bodies (the React Server Components payload), gzipped. */
  inlineGzipBytes: number;
  /** Each chunk, largest first: which libraries a page pulls in shows here. */
  chunks: { src: string; gzipBytes: number }[];
};

const SCRIPT_SRC = /<script\b[^>]*\bsrc="([^"]+)"/g;
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;

/**
 * The JavaScript a first visit to `route` downloads: the page's HTML as the
 * production server sends it, every `<script src>` in it fetched and gzipped.
 * A chunk shared by several routes counts for each (each is a first visit).
 */
export async function measureFirstLoadJs(options: { baseUrl: string; route: string }): Promise<FirstLoadJs> {
  const page = await fetch(`${options.baseUrl}${options.route}`);
  const html = await page.text();
  const sources = [...new Set([...html.matchAll(SCRIPT_SRC)].map((m) => (m[1] ?? "").replaceAll("&amp;", "&")))];
  let rawBytes = 0;
  let gzipBytes = 0;
  const chunks: FirstLoadJs["chunks"] = [];
  for (const source of sources) {
    const response = await fetch(new URL(source, options.baseUrl));
    if (response.status !== 200) throw new Error(`${source} (from ${options.route}) answered ${response.status}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    const gzipped = gzipSync(bytes, { level: 9 }).length;
    rawBytes += bytes.length;
    gzipBytes += gzipped;
    chunks.push({ src: source, gzipBytes: gzipped });
  }
  const inline = [...html.matchAll(INLINE_SCRIPT)].map((m) => m[1] ?? "").join("\n");
  return {
    route: options.route,
    status: page.status,
    scripts: sources.length,
    rawBytes,
    gzipBytes,
    inlineGzipBytes: inline.length === 0 ? 0 : gzipSync(Buffer.from(inline), { level: 9 }).length,
    chunks: chunks.sort((a, b) => b.gzipBytes - a.gzipBytes),
  };
}
