/**
 * `npm run bench:cases [-- --cases N --answers M --organisations K]`
 * Fills N cases (default 1,000,000) across K organisations (default 500; one case in ten handled by the ministry)
 * and M published answers (default 100,000) of Vietnamese text, in bulk with generate_series, then measures the
 * portal's own query functions:
 * - an officer's queue (overdue + due today, a random school or the ministry): listCaseQueue (cases/queue.server, the queue pages' own query);
 * - the public status lookup by code with its timeline: findCaseByCode + listCaseEvents (cases/queries.server);
 * - a Q&A search: searchPublishedAnswers (feedback/queries.server, the library's and the API's own query);
 * - a year's statistics report, every handler: loadCaseStatistics (case-stats/queries.server).
 * Goals: queue p95 ≤ 50 ms, lookup p95 ≤ 20 ms, search p95 ≤ 50 ms, report ≤ 2 s.
 * Database: PostgreSQL. With TEST_DATABASE_URL or DATABASE_URL, a database `vb_bench_cases_<pid>` is created on that
 * server and dropped afterwards; without, a throwaway server (scripts/throwaway-postgres.ts).
 * The last line is JSON: {"queueP95Ms","lookupP95Ms","searchP95Ms","reportSeconds",...}.
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { closeDatabase, openPostgres, rowsOf, useDatabase, type DatabaseHandle } from "~/lib/db.server";
import { vietnamDate } from "~/lib/format-time";
import { loadCaseStatistics } from "~/modules/case-stats/queries.server";
import { findCaseByCode, listCaseEvents } from "~/modules/cases/queries.server";
import { listCaseQueue } from "~/modules/cases/queue.server";
import { searchPublishedAnswers } from "~/modules/feedback/queries.server";
import { prepareDatabase } from "~/modules/platform/prepare-database.server";
import { startThrowawayPostgres, type ThrowawayPostgres } from "./throwaway-postgres";

const { values } = parseArgs({
  options: {
    cases: { type: "string", default: "1000000" },
    answers: { type: "string" },
    organisations: { type: "string", default: "500" },
    runs: { type: "string", default: "300" },
    keep: { type: "boolean", default: false },
    /** A database kept by an earlier run (--keep): what it already holds is not written again. */
    into: { type: "string" },
  },
  allowPositionals: false,
  strict: true,
});
const caseCount = Number(values.cases);
const answerCount = values.answers !== undefined ? Number(values.answers) : Math.min(100_000, caseCount);
const orgCount = Number(values.organisations);
const runs = Number(values.runs);
if (
  ![caseCount, answerCount, orgCount, runs].every(Number.isInteger) ||
  caseCount < 1000 ||
  caseCount > 20_000_000 ||
  answerCount < 0 ||
  orgCount < 1 ||
  orgCount > 10_000 ||
  runs < 10
) {
  console.error("usage: npm run bench:cases -- [--cases N (≥ 1000)] [--answers M] [--organisations K] [--runs R]");
  process.exit(2);
}

process.env.LOG_LEVEL ??= "warn";
process.env.PUBLIC_ORIGIN ??= "https://vanbang.gdnn.gov.vn";

async function adminSql(url: string, statement: string): Promise<void> {
  const { default: postgres } = await import("postgres");
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client.unsafe(statement);
  } finally {
    await client.end({ timeout: 5 });
  }
}

let throwaway: ThrowawayPostgres | undefined;
let dropDatabase: (() => Promise<void>) | undefined;
const givenUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
let url: string;
if (values.into) {
  url = values.into;
} else if (givenUrl) {
  const database = `vb_bench_cases_${process.pid}`;
  await adminSql(givenUrl, `CREATE DATABASE "${database}"`);
  const u = new URL(givenUrl);
  u.pathname = `/${database}`;
  url = u.toString();
  dropDatabase = values.keep
    ? async () => console.log(`kept: ${url}`)
    : () => adminSql(givenUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
} else {
  url = (throwaway = startThrowawayPostgres()).url;
}
async function cleanup() {
  await closeDatabase().catch(() => {});
  await dropDatabase?.().catch((e) => console.error(`could not drop the bench database: ${e}`));
  throwaway?.stop();
}
// A failed run still stops its throwaway server (stop() is synchronous).
process.once("exit", () => throwaway?.stop());
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void cleanup().finally(() => process.exit(130));
  });
}

const handle: DatabaseHandle = await openPostgres(url, 4);
useDatabase(handle);
await prepareDatabase(handle);
const db = handle.db;
const now = new Date();
const today = vietnamDate(now);
const seconds = (ms: number) => Number((ms / 1000).toFixed(2));

// ---------------------------------------------------------------------------------------------------------------
// The population
// ---------------------------------------------------------------------------------------------------------------
let t0 = performance.now();
const held = async (table: "cases" | "published_answers") =>
  Number(rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n);
const fillCases = (await held("cases")) < caseCount;
if (fillCases)
  await db.execute(sql`
  insert into organisations (kind, code, name, province_code, school_type, status)
  select 'school', 'BENCH' || lpad(i::text, 4, '0'), 'Trường Cao đẳng nghề số ' || i,
    (select code from provinces order by code offset (i % 30) limit 1), 'cao_dang', 'accredited'
  from generate_series(1, ${orgCount}::int) i
`);
await db.execute(sql`
  create unlogged table if not exists bench_orgs as
  select row_number() over (order by code) - 1 as n, id from organisations where code like 'BENCH%'
`);

/*
 * One case per i. Spread: the kinds in realistic shares (certified copies the most, voters' petitions the fewest);
 * the handler skewed (a few big schools get many cases, one case in ten goes to the ministry); received at any time
 * in the last three years; the due day after the kind's working days (≈ × 1.4 in calendar days). Older cases are
 * mostly closed (resolved, a few refused, merged or withdrawn), 2% still open and so overdue; recent ones are a mix;
 * a tenth of the open ones wait for the submitter. Closed cases took up to 1.6 × their time, so about a fifth were
 * late; 40% of the resolved ones were rated, mostly 4 or 5; late cases and overdue open ones escalated half the time.
 */
const CHUNK = 100_000;
for (let start = 1; fillCases && start <= caseCount; start += CHUNK) {
  const end = Math.min(caseCount, start + CHUNK - 1);
  await db.execute(sql`
    insert into cases (code, kind, status, organisation_id, topic, title, body, received_at, due_on, paused_at,
      escalated_at, closed_at, closed_late, outcome, rating, rated_at, anonymous, details)
    select
      k.prefix || '-' || extract(year from r.received_at)::int || '-' || lpad(i::text, 7, '0'),
      k.kind, s.status, o.id, t.topic,
      'Hồ sơ số ' || i, 'Nội dung hồ sơ số ' || i,
      r.received_at, d.due_on,
      case when s.status = 'awaiting_submitter' then r.received_at + interval '2 days' end,
      case when (s.status in ('received', 'in_progress') and d.due_on < ${today}::date and h.u4 < 0.5)
             or (c.closed_at is not null and c.closed_at::date > d.due_on and h.u4 < 0.3)
           then (d.due_on + 1)::timestamptz end,
      c.closed_at,
      case when c.closed_at is not null then (c.closed_at at time zone 'Asia/Ho_Chi_Minh')::date > d.due_on end,
      case s.status when 'resolved' then 'answered' when 'refused' then 'refused' when 'merged' then 'merged'
        when 'withdrawn' then 'withdrawn' end,
      case when s.status = 'resolved' and h.u5 < 0.4 then (array[1, 2, 3, 3, 4, 4, 4, 5, 5, 5])[1 + (h.u6 * 10)::int % 10] end,
      case when s.status = 'resolved' and h.u5 < 0.4 then c.closed_at + interval '1 day' end,
      false, '{}'::jsonb
    from generate_series(${start}::int, ${end}::int) i
    cross join lateral (select i as i0, random() u1, random() u2, random() u3, random() u4, random() u5, random() u6, random() u7, random() u8, random() u9) h
    cross join lateral (
      select case
        when h.u1 < 0.35 then 'certified_copy' when h.u1 < 0.40 then 'correction' when h.u1 < 0.50 then 'confirmation'
        when h.u1 < 0.75 then 'question' when h.u1 < 0.87 then 'feedback' when h.u1 < 0.92 then 'petition'
        when h.u1 < 0.94 then 'voter_petition' else 'fake_report' end as kind
    ) k0
    cross join lateral (
      select k0.kind,
        case when k0.kind in ('certified_copy', 'correction', 'confirmation') then 'DV'
             when k0.kind = 'voter_petition' then 'CT' when k0.kind = 'fake_report' then 'GB' else 'PA' end as prefix,
        case k0.kind when 'certified_copy' then 1 when 'correction' then 7 when 'confirmation' then 4
             when 'voter_petition' then 28 else 14 end as days
    ) k
    cross join lateral (select ${now.toISOString()}::timestamptz - h.u2 * interval '1095 days' as received_at) r
    cross join lateral (
      select (r.received_at at time zone 'Asia/Ho_Chi_Minh')::date + k.days as due_on,
             ${now.toISOString()}::timestamptz - r.received_at as age
    ) d
    cross join lateral (
      select case
        when d.age > interval '60 days' and h.u3 < 0.02 then (array['received', 'in_progress'])[1 + (i % 2)]
        when d.age > interval '60 days' or h.u3 < 0.5 then
          case when h.u7 < 0.87 then 'resolved' when h.u7 < 0.94 then 'refused' when h.u7 < 0.97 then 'merged'
               else 'withdrawn' end
        when h.u7 < 0.1 then 'awaiting_submitter' when h.u7 < 0.4 then 'received' else 'in_progress' end as status
    ) s
    cross join lateral (
      select case when s.status in ('resolved', 'refused', 'merged', 'withdrawn')
        then least(${now.toISOString()}::timestamptz, r.received_at + (k.days * 1.4 + 1) * h.u4 * 1.6 * interval '1 day') end
        as closed_at
    ) c
    cross join lateral (
      select case when k.kind in ('question', 'feedback', 'petition', 'voter_petition')
        then (array['van-bang', 'tuyen-sinh', 'hoc-phi', 'chinh-sach', 'dao-tao', 'thu-tuc'])[1 + (i % 6)] end as topic
    ) t
    left join bench_orgs o on o.n = case
      when k.kind not in ('certified_copy', 'correction', 'confirmation') and h.u9 < 0.15 then -1
      else floor(power(h.u8, 2) * ${orgCount}::int)::int end
  `);
  process.stdout.write(`\rcases: ${end.toLocaleString("en")} / ${caseCount.toLocaleString("en")}`);
}
// The timeline: a "submitted" event for each case, and the closing one for the closed.
if (fillCases)
  await db.execute(sql`
  insert into case_events (case_id, at, type, actor_role, to_status, public_note)
  select id, received_at, 'submitted', 'submitter', 'received', null from cases
`);
if (fillCases)
  await db.execute(sql`
  insert into case_events (case_id, at, type, actor_role, from_status, to_status, public_note)
  select id, closed_at, case status when 'resolved' then 'resolve' when 'refused' then 'refuse' when 'merged' then 'merge'
    else 'withdraw' end, 'officer', 'in_progress', status, 'Đã xử lý xong.'
  from cases where closed_at is not null
`);
const casesSeconds = seconds(performance.now() - t0);
console.log(`\ncases and their events written in ${casesSeconds} s`);

// The Q&A library: questions and answers combined from a few hundred template sentences.
t0 = performance.now();
const sentences = templateSentences();
await db.execute(sql`create unlogged table if not exists bench_sentences (n int primary key, text text not null)`);
await db.execute(
  sql`insert into bench_sentences (n, text) values ${sql.join(
    sentences.map((text, n) => sql`(${n}::int, ${text})`),
    sql`, `,
  )} on conflict do nothing`,
);
const S = sentences.length;
const fillAnswers = (await held("published_answers")) < answerCount;
for (let start = 1; fillAnswers && start <= answerCount; start += CHUNK) {
  const end = Math.min(answerCount, start + CHUNK - 1);
  await db.execute(sql`
    insert into published_answers (topic, question, answer, search_tsv, published_at)
    select x.topic, x.question, x.answer,
      setweight(to_tsvector('simple', vb_fold(x.question)), 'A') || setweight(to_tsvector('simple', vb_fold(x.answer)), 'B'),
      ${now.toISOString()}::timestamptz - random() * interval '1095 days'
    from generate_series(${start}::int, ${end}::int) i
    cross join lateral (
      select (array['van-bang', 'tuyen-sinh', 'hoc-phi', 'chinh-sach', 'dao-tao', 'thu-tuc'])[1 + (i % 6)] as topic,
        (select text from bench_sentences where n = (i::bigint * 7919) % ${S}::int) || ' ' ||
        (select text from bench_sentences where n = (i::bigint * 104729 + 13) % ${S}::int) as question,
        (select string_agg(text, ' ') from bench_sentences
          where n in ((i * 31) % ${S}::int, (i::bigint * 131 + 7) % ${S}::int, (i::bigint * 1031 + 11) % ${S}::int)) as answer
    ) x
  `);
}
const answersSeconds = seconds(performance.now() - t0);
t0 = performance.now();
// As autovacuum would have by then: statistics, and the visibility map that index-only scans rely on.
await db.execute(sql`vacuum analyze`);
console.log(
  `${answerCount.toLocaleString("en")} answers in ${answersSeconds} s; analyze ${seconds(performance.now() - t0)} s`,
);

// ---------------------------------------------------------------------------------------------------------------
// The measurements
// ---------------------------------------------------------------------------------------------------------------
const orgIds = rowsOf<{ id: string }>(await db.execute(sql`select id from bench_orgs order by n`)).map((r) => r.id);
const codes = rowsOf<{ code: string }>(
  await db.execute(sql`select code from cases order by random() limit ${Math.min(runs, 1000)}::int`),
).map((r) => r.code);
const QUERIES = [
  "cấp bản sao văn bằng",
  "cap ban sao",
  "dinh chinh van bang",
  "xác nhận văn bằng cho nhà tuyển dụng",
  "mat bang tot nghiep",
  "học phí",
  "hoc phi trung cap",
  "tuyen sinh cao dang nghe",
  "chứng chỉ sơ cấp",
  "thoi gian giai quyet",
  "ho so can nhung gi",
  "uy quyen nhan ban sao",
  "bằng tốt nghiệp bị sai ngày sinh",
  "le phi",
  "van bang nuoc ngoai",
  "chuyen truong",
  "mien giam hoc phi",
  "ke toan",
  "giay xac nhan",
  "bao luu ket qua",
];
const pick = <T>(list: readonly T[], i: number) => list[i % list.length]!;

async function measure(label: string, n: number, run: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < Math.min(20, n); i++) await run(i + 1_000_003); // warm-up
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await run(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const p = (q: number) => Number(times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!.toFixed(2));
  console.log(`${label}: p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, max ${p(1)} ms (${n} runs)`);
  return times;
}
const p95 = (times: number[]) =>
  Number(times[Math.min(times.length - 1, Math.ceil(0.95 * times.length) - 1)]!.toFixed(2));

let queueSizes = 0;
const queueTimes = await measure("officer's queue", runs, async (i) => {
  const organisationId = i % 10 === 0 ? null : orgIds[(i * 7919) % orgIds.length]!;
  const queue = await listCaseQueue(db, {
    scope: organisationId ? { kind: "organisation", organisationId } : { kind: "ministry", handler: "ministry" },
    filters: { page: 1 },
    today,
    pageSize: 25,
  });
  queueSizes += queue.counts.overdue + queue.counts.dueToday;
});
const lookupTimes = await measure("status lookup", runs, async (i) => {
  const kase = await findCaseByCode(db, pick(codes, i));
  if (!kase) throw new Error("a sampled code was not found");
  await listCaseEvents(db, kase.id);
});
let hits = 0;
const searchTimes = await measure("Q&A search", runs, async (i) => {
  hits += (await searchPublishedAnswers(db, { q: pick(QUERIES, i), limit: 10 })).length;
});
const lastYear = String(Number(today.slice(0, 4)) - 1);
const reportTimes: number[] = [];
let reportReceived = 0;
for (let i = 0; i < 3; i++) {
  const started = performance.now();
  const report = await loadCaseStatistics(db, { from: `${lastYear}-01-01`, to: `${lastYear}-12-31`, today });
  reportTimes.push(performance.now() - started);
  reportReceived = report.totals.received;
}
const reportSeconds = Number((Math.max(...reportTimes) / 1000).toFixed(3));
console.log(
  `statistics report of ${lastYear} (${reportReceived.toLocaleString("en")} cases): ${reportTimes.map((ms) => (ms / 1000).toFixed(2)).join(" s, ")} s`,
);
console.log(`queues averaged ${(queueSizes / runs).toFixed(1)} cases; searches ${(hits / runs).toFixed(1)} hits`);

await cleanup();
const summary = {
  queueP95Ms: p95(queueTimes),
  lookupP95Ms: p95(lookupTimes),
  searchP95Ms: p95(searchTimes),
  reportSeconds,
  cases: caseCount,
  answers: answerCount,
  organisations: orgCount,
  reportCases: reportReceived,
  fillSeconds: { cases: casesSeconds, answers: answersSeconds },
  goalsMet: {
    queue: p95(queueTimes) <= 50,
    lookup: p95(lookupTimes) <= 20,
    search: p95(searchTimes) <= 50,
    report: reportSeconds <= 2,
  },
};
console.log(JSON.stringify(summary));

/** A few hundred Vietnamese sentences of the kind the ministry's answers are made of. */
function templateSentences(): string[] {
  const subjects = [
    "Người học",
    "Người tốt nghiệp",
    "Người được ủy quyền",
    "Thân nhân của người học",
    "Cơ sở giáo dục nghề nghiệp",
    "Trường cao đẳng",
    "Trường trung cấp",
    "Trung tâm giáo dục nghề nghiệp",
    "Doanh nghiệp tuyển dụng",
    "Sở Lao động – Thương binh và Xã hội",
    "Phòng đào tạo của trường",
    "Hiệu trưởng",
    "Người đề nghị cấp bản sao",
    "Học sinh trung cấp",
    "Sinh viên cao đẳng",
  ];
  const predicates = [
    "được cấp bản sao văn bằng từ sổ gốc trong ngày làm việc.",
    "cần nộp đơn đề nghị đính chính nội dung văn bằng kèm giấy tờ chứng minh.",
    "có thể đề nghị xác nhận văn bằng để gửi nhà tuyển dụng ở nước ngoài.",
    "phải xuất trình giấy ủy quyền có chứng thực khi nhận bản sao thay.",
    "được miễn, giảm học phí theo quy định của Chính phủ.",
    "nộp hồ sơ tuyển sinh trực tuyến trên cổng thông tin của trường.",
    "được bảo lưu kết quả học tập tối đa hai năm.",
    "không phải nộp lệ phí khi đề nghị cấp bản sao điện tử.",
    "nhận kết quả qua đường bưu điện nếu đã đăng ký địa chỉ.",
    "tra cứu tình trạng hồ sơ bằng mã hồ sơ được gửi qua thư điện tử.",
    "được cấp lại chứng chỉ sơ cấp khi bị mất hoặc hư hỏng.",
    "cần kiểm tra ngày sinh, họ tên trên bằng tốt nghiệp trước khi ký nhận.",
    "được chuyển trường khi có sự đồng ý của hai cơ sở đào tạo.",
    "phải hoàn thành chương trình đào tạo và thi tốt nghiệp đạt yêu cầu.",
    "được công nhận văn bằng do cơ sở nước ngoài cấp theo quy định.",
    "có trách nhiệm trả lời phản ánh trong thời hạn mười ngày làm việc.",
    "được hướng dẫn thủ tục hành chính tại bộ phận một cửa.",
    "có thể theo dõi thời gian giải quyết hồ sơ trên cổng dịch vụ công.",
    "cần ghi rõ số hiệu văn bằng và số vào sổ gốc cấp văn bằng.",
    "được học liên thông từ trung cấp lên cao đẳng ngành kế toán.",
    "được hỗ trợ tiền ăn, ở trong thời gian thực tập tại doanh nghiệp.",
    "đăng ký thi lại môn chưa đạt vào đợt tiếp theo của nhà trường.",
    "được xét cấp học bổng khuyến khích theo kết quả rèn luyện.",
    "phải khai báo đúng số định danh cá nhân trên hồ sơ nhập học.",
    "có quyền khiếu nại kết quả chấm thi trong vòng mười lăm ngày.",
    "được giới thiệu việc làm qua trung tâm dịch vụ việc làm của tỉnh.",
    "nên lưu giữ biên nhận nộp hồ sơ cho đến khi nhận kết quả.",
    "được đào tạo nghề hàn, điện công nghiệp, cơ khí chế tạo.",
    "cần chụp ảnh chân dung cỡ ba nhân bốn nền trắng.",
    "được tham gia bảo hiểm y tế học sinh, sinh viên bắt buộc.",
    "có thể vay vốn ngân hàng chính sách xã hội để đóng học phí.",
    "được công nhận tương đương trình độ theo khung trình độ quốc gia.",
    "không được sửa chữa, tẩy xóa nội dung trên phôi văn bằng.",
    "được đổi lịch học khi trùng lịch làm việc ca đêm.",
    "phải báo mất phôi bằng cho cơ quan công an nơi gần nhất.",
    "được hướng dẫn khai thông tin trên ứng dụng định danh điện tử.",
    "có thể đào tạo lại kỹ năng nghề cho người lao động lớn tuổi.",
    "được ký hợp đồng thực tập có trả lương với doanh nghiệp.",
    "nên liên hệ đường dây nóng của Bộ khi quá hạn chưa có trả lời.",
    "được cấp giấy chứng nhận tốt nghiệp tạm thời trong khi chờ bằng.",
  ];
  const out: string[] = [];
  for (const s of subjects) for (const p of predicates) out.push(`${s} ${p}`);
  return out;
}
