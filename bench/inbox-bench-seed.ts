import type pg from "pg";

// Synthetic inquiries for the inbox benchmark and the inbox's EXPLAIN test,
// written by PostgreSQL itself (generate_series: one statement, no round trip
// per row). The shape follows a busy programme's history rather than a
// uniform spread, because the plans depend on it: arrivals evenly over `days`,
// 8 % urgent, 20 % Spanish; the last two weeks still open (New, then Contact
// attempted / Reached / Screening scheduled), everything older closed
// (admitted or one of the exits) except 0.5 % forgotten in an open stage;
// closed non-admissions older than a year anonymised (retention). Assignees
// rotate over `staffCount` coordinators; half of the last day is unassigned.
// Hashes are random-looking 64-hex strings of the real width; names repeat
// (2,000 distinct first names), phones and emails do not. Ciphertext columns
// stay empty: nothing in the inbox reads them.
const SEED_SQL = `
WITH params AS (
  SELECT $1::int AS n, $2::float8 * 86400 AS span, $3::text[] AS staff, now() AS t0
), rows AS (
  SELECT i, p.staff, p.t0,
    p.t0 - make_interval(secs => (p.n - i) * p.span / p.n) AS created,
    (p.n - i) * p.span / p.n / 86400 AS age_days,
    (i::bigint * 2654435761) % 1000 AS r
  FROM params p, generate_series(1, (SELECT n FROM params)) AS i
), shaped AS (
  SELECT *,
    CASE
      WHEN age_days < 1 THEN 'NEW'
      WHEN age_days < 14 OR r < 5 THEN (ARRAY['NEW','CONTACT_ATTEMPTED','REACHED','SCREENING_SCHEDULED'])[1 + r % 4]
      ELSE (ARRAY['ADMITTED','ADMITTED','ADMITTED','REFERRED_ELSEWHERE','REFERRED_ELSEWHERE','NOT_A_FIT','UNREACHABLE','UNREACHABLE','WITHDREW','NOT_A_FIT'])[1 + r % 10]
    END AS stage
  FROM rows
)
INSERT INTO "Inquiry" (
  "id", "referenceCode", "idempotencyKey", "status", "urgency", "requesterType", "locale", "preferredLanguage",
  "preferredContactMethod", "bestTimes", "heardAbout", "phoneHash", "emailHash", "firstNameHash", "createdAt", "updatedAt",
  "assigneeId", "assignedAt", "firstContactAt", "lastAttemptAt", "unsuccessfulAttempts", "nextFollowUpAt", "closedAt", "anonymisedAt")
SELECT
  gen_random_uuid(),
  -- 8 hex digits with a leading 0: never a real code (their alphabet has no 0).
  substr(lpad(to_hex(i), 8, '0'), 1, 4) || '-' || substr(lpad(to_hex(i), 8, '0'), 5, 4),
  'seed-' || i,
  stage::"InquiryStatus",
  CASE WHEN r % 100 < 8 THEN 'URGENT' ELSE 'ROUTINE' END::"Urgency",
  (ARRAY['SELF','LOVED_ONE','PROFESSIONAL'])[1 + i % 3]::"RequesterType",
  'en',
  CASE WHEN i % 5 = 0 THEN 'es' ELSE 'en' END,
  'PHONE'::"ContactMethod",
  (ARRAY['{}','{MORNING}','{EVENING}','{MORNING,AFTERNOON}'])[1 + i % 4]::varchar(16)[],
  (ARRAY['SEARCH','FRIEND_OR_FAMILY','HEALTHCARE_PROVIDER','COUNSELOR_OR_THERAPIST','COURT_OR_PROBATION','EMPLOYER','INSURANCE','SOCIAL_MEDIA','OTHER', NULL])[1 + (r / 7) % 10],
  md5('p' || i) || md5('q' || i),
  CASE WHEN i % 2 = 0 THEN md5('e' || i) || md5('f' || i) END,
  md5('n' || i % 2000) || md5('m' || i % 2000),
  created, created,
  CASE WHEN age_days >= 1 OR i % 2 = 0 THEN staff[1 + i % cardinality(staff)] END,
  CASE WHEN age_days >= 1 OR i % 2 = 0 THEN created + interval '5 minutes' END,
  CASE WHEN stage <> 'NEW' THEN created + make_interval(mins => (r % 120)::int) END,
  CASE WHEN stage <> 'NEW' THEN created + make_interval(mins => (r % 120)::int) END,
  CASE WHEN stage = 'CONTACT_ATTEMPTED' THEN 1 + i % 3 ELSE 0 END,
  CASE WHEN stage = 'CONTACT_ATTEMPTED' THEN t0 + make_interval(hours => (r % 48)::int - 24) END,
  CASE WHEN stage IN ('ADMITTED','REFERRED_ELSEWHERE','NOT_A_FIT','UNREACHABLE','WITHDREW') THEN created + interval '5 days' END,
  CASE WHEN stage IN ('REFERRED_ELSEWHERE','NOT_A_FIT','UNREACHABLE','WITHDREW') AND age_days > 365 THEN created + interval '370 days' END
FROM shaped`;

export const SEED_STAFF_COUNT = 8;

/** Staff users to assign to (ids returned), then `count` inquiries over `days`, then ANALYZE. */
export async function seedInboxInquiries(client: pg.Client, options: { count: number; days: number }): Promise<{ staffIds: string[] }> {
  const staffIds = Array.from({ length: SEED_STAFF_COUNT }, (_, i) => `seed-staff-${i + 1}`);
  await client.query(
    `INSERT INTO "StaffUser" ("id", "name", "email", "role", "twoFactorEnabled")
     SELECT id, 'Coordinator ' || right(id, 1), id || '@clinic.example', 'coordinator', true FROM unnest($1::text[]) AS id
     ON CONFLICT ("id") DO NOTHING`,
    [staffIds],
  );
  await client.query(SEED_SQL, [options.count, options.days, staffIds]);
  await client.query(`ANALYZE "Inquiry"`);
  return { staffIds };
}
