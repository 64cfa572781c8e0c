import { randomBytes, randomInt } from "node:crypto";
import http from "node:http";
import pg from "pg";

// The BASELINE: what storing a submission costs with nothing of the app around
// it. No framework, no validation, no encryption, no rate limit, no
// transaction, no outbox, no audit: parse the JSON, one parameterised INSERT
// through a pg Pool the size of the app's, answer 201 with a reference code.
// Run as its own process (like `next start`) so it does not share an event
// loop with the load generator: `node --import tsx bench/support/baseline-server.ts`.

const ALPHABET = "ABCDEFGHJKMNPQRTWXY346789";
const INSERT = `INSERT INTO bench_baseline_inquiry
  (reference_code, idempotency_key, requester_type, urgency, locale, preferred_language, preferred_contact_method,
   best_times, first_name, phone, email, message)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`;

type Answers = Record<string, unknown>;

function referenceCode(): string {
  const pick = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${pick()}-${pick()}`;
}

function parameters(answers: Answers, code: string): unknown[] {
  const text = (key: string) => (typeof answers[key] === "string" ? answers[key] : null);
  return [
    code,
    randomBytes(32).toString("hex"),
    text("requesterType") ?? "SELF",
    answers.inCrisis === true ? "URGENT" : "ROUTINE",
    "en",
    text("preferredLanguage") ?? "en",
    text("preferredContactMethod") ?? "PHONE",
    Array.isArray(answers.bestTimes) ? answers.bestTimes : [],
    text("firstName") ?? "",
    text("phone"),
    text("email"),
    text("message"),
  ];
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function main(): void {
  const pool = new pg.Pool({ connectionString: process.env.BASELINE_DATABASE_URL, max: Number(process.env.BASELINE_POOL_MAX ?? 10) });
  pool.on("error", () => undefined);
  const server = http.createServer((request, response) => {
    if (request.method !== "POST") {
      response.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
      return;
    }
    readBody(request)
      .then(async (body) => {
        const { inquiry } = JSON.parse(body) as { inquiry: Answers };
        const code = referenceCode();
        await pool.query(INSERT, parameters(inquiry, code));
        response.writeHead(201, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify({ referenceCode: code }));
      })
      .catch(() => {
        response.writeHead(500, { "content-type": "application/json" }).end('{"error":"insert failed"}');
      });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(Number(process.env.BASELINE_PORT), "127.0.0.1", () => {
    console.log(`baseline server listening on 127.0.0.1:${process.env.BASELINE_PORT}`);
  });
  process.once("SIGTERM", () => {
    server.close();
    void pool.end().finally(() => process.exit(0));
  });
}

main();
