import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  MaxPartSizeExceededError,
  json,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { FormAlert } from "~/components/form";
import { requirePermission } from "~/lib/guards.server";
import type { MessageKey } from "~/lib/i18n";
import { formatNumber } from "~/lib/format-number";
import { useLocale, useT } from "~/lib/i18n/use-t";
import { clientOf } from "~/lib/request-context";
import { importProgrammes, type ImportProgrammesSummary } from "~/modules/reference/import-programmes.server";
import type { ProgrammeCsvReport } from "~/modules/reference/programme-csv";
import {
  PROGRAMME_CSV_LIMITS,
  csvIssueMessageKey,
  type ProgrammeCsvColumn,
} from "~/modules/reference/programme-csv-format";

export const meta: MetaFunction = () => [
  { title: "Nhập ngành, nghề từ CSV — Danh mục dùng chung — Cổng Văn bằng số GDNN" },
];

const MAX_MB = PROGRAMME_CSV_LIMITS.maxBytes / 1024 / 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "reference:edit");
  return json({});
}

type ImportActionData =
  | { status: "error"; error: MessageKey; params?: Record<string, string | number> }
  | { status: "rejected"; fileName: string; report: Omit<ProgrammeCsvReport, "rows"> }
  | { status: "done" | "checked"; fileName: string; summary: ImportProgrammesSummary };

const answer = (data: ImportActionData, status = 200) => json<ImportActionData>(data, { status });

export async function action({ request, context }: ActionFunctionArgs) {
  // The guard runs before the body is read: nobody else gets to make the server buffer a file.
  const session = await requirePermission(request, "reference:edit");
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > PROGRAMME_CSV_LIMITS.maxBytes + 64 * 1024) {
    return answer({ status: "error", error: "reference.csv.file_too_large", params: { maxMb: MAX_MB } }, 413);
  }
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({
        maxPartSize: PROGRAMME_CSV_LIMITS.maxBytes,
        filter: ({ name }) => name === "file" || name === "dryRun",
      }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      return answer({ status: "error", error: "reference.csv.file_too_large", params: { maxMb: MAX_MB } }, 413);
    }
    return answer({ status: "error", error: "reference.import.noFile" }, 400);
  }

  const file = form.get("file");
  if (!file || typeof file === "string" || (file.size === 0 && file.name === "")) {
    return answer({ status: "error", error: "reference.import.noFile" }, 400);
  }
  const fileName = file.name.slice(0, 200);
  if (!/\.csv$/i.test(fileName)) return answer({ status: "error", error: "reference.import.wrongType" }, 400);

  const result = await importProgrammes({
    file: new Uint8Array(await file.arrayBuffer()),
    fileName,
    dryRun: form.get("dryRun") === "1",
    actor: { userId: session.user.id, ip: clientOf(request, context).ip },
  });
  if (!result.ok) {
    const { rows: _valid, ...report } = result.report;
    return answer({ status: "rejected", fileName, report }, 422);
  }
  return answer({ status: result.value.dryRun ? "checked" : "done", fileName, summary: result.value });
}

const SHOWN_COLUMNS = ["code", "name_vi", "level"] as const;

export default function ImportProgrammes() {
  const t = useT();
  const locale = useLocale();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <p>
        <Link to="/admin/reference/programmes">{t("reference.programmes.back")}</Link>
      </p>
      <h1>{t("reference.import.title")}</h1>
      <p className="lead">{t("reference.import.intro")}</p>

      <div className="grid-2">
        <section className="card">
          {data?.status === "error" ? <FormAlert kind="error">{t(data.error, data.params)}</FormAlert> : null}
          <Form method="post" encType="multipart/form-data" className="form" noValidate>
            <div className={`field${data?.status === "error" ? " field-invalid" : ""}`}>
              <label htmlFor="f-file">{t("reference.import.file")}</label>
              <input
                id="f-file"
                name="file"
                type="file"
                accept=".csv,text/csv"
                required
                aria-invalid={data?.status === "error" ? true : undefined}
              />
            </div>
            <label className="choice">
              <input type="checkbox" name="dryRun" value="1" />
              <span>{t("reference.import.dryRun")}</span>
            </label>
            <div className="form-actions">
              <button type="submit" className="button button-primary" disabled={busy}>
                {busy ? t("reference.import.busy") : t("reference.import.submit")}
              </button>
            </div>
          </Form>
        </section>
        <section className="card">
          <h2>{t("reference.import.format")}</h2>
          <p>
            {t("reference.import.formatBody", {
              maxMb: MAX_MB,
              maxRows: formatNumber(PROGRAMME_CSV_LIMITS.maxRows, locale),
            })}
          </p>
          <pre className="csv-sample">
            {
              'code,name_vi,level,name_en\n6480201,Công nghệ thông tin,cao đẳng,Information technology\n5340302,Kế toán doanh nghiệp,trung cấp,\n6340202,"Tài chính, ngân hàng",Cao đẳng,'
            }
          </pre>
        </section>
      </div>

      {data?.status === "done" || data?.status === "checked" ? (
        <FormAlert kind={data.status === "done" ? "success" : "info"}>
          <p className="alert-title">{t("reference.import.fileName", { name: data.fileName })}</p>
          {t(data.status === "done" ? "reference.import.done" : "reference.import.checked", {
            rows: data.summary.rowCount,
            created: data.summary.created,
            updated: data.summary.updated,
            unchanged: data.summary.unchanged,
            groups: data.summary.groupsCreated,
          })}
        </FormAlert>
      ) : null}

      {data?.status === "rejected" ? <ImportReport fileName={data.fileName} report={data.report} /> : null}
    </>
  );
}

/** The rows that failed, each with what the user typed and every error of the row, in the page's language. */
function ImportReport({ fileName, report }: { fileName: string; report: Omit<ProgrammeCsvReport, "rows"> }) {
  const t = useT();
  const fileIssues = report.issues.filter((i) => i.row === null);
  const byRow = new Map<number, typeof report.issues>();
  for (const issue of report.issues) {
    if (issue.row === null) continue;
    byRow.set(issue.row, [...(byRow.get(issue.row) ?? []), issue]);
  }
  return (
    <section className="card import-report" aria-labelledby="report-title">
      <h2 id="report-title">{t("reference.import.fileName", { name: fileName })}</h2>
      {fileIssues.length > 0 ? (
        <FormAlert kind="error">
          <p className="alert-title">{t("reference.import.rejectedFile")}</p>
          <ul>
            {fileIssues.map((issue) => (
              <li key={issue.code}>{t(csvIssueMessageKey(issue.code), issue.params)}</li>
            ))}
          </ul>
        </FormAlert>
      ) : (
        <FormAlert kind="error">
          {t("reference.import.rejected", { invalid: report.invalidRowCount, rows: report.rowCount })}
        </FormAlert>
      )}
      {byRow.size > 0 ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("reference.col.row")}</th>
                {SHOWN_COLUMNS.map((c) => (
                  <th scope="col" key={c}>
                    <code>{c}</code>
                  </th>
                ))}
                <th scope="col">{t("reference.col.error")}</th>
              </tr>
            </thead>
            <tbody>
              {[...byRow].map(([row, issues]) => {
                const typed = report.invalidRows[row];
                const bad = new Set<ProgrammeCsvColumn | null>(issues.map((i) => i.column));
                return (
                  <tr key={row}>
                    <th scope="row">{row}</th>
                    {SHOWN_COLUMNS.map((c) => (
                      <td key={c} className={bad.has(c) ? "cell-invalid" : undefined}>
                        {typed?.[c] ?? ""}
                      </td>
                    ))}
                    <td>
                      <ul className="issue-list">
                        {issues.map((issue, i) => (
                          <li key={i}>
                            {issue.column ? <code>{issue.column}</code> : null}
                            {issue.column &&
                            !SHOWN_COLUMNS.includes(issue.column as (typeof SHOWN_COLUMNS)[number]) &&
                            issue.value
                              ? ` “${issue.value}”`
                              : null}
                            {issue.column ? ": " : null}
                            {t(csvIssueMessageKey(issue.code), issue.params)}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {report.moreIssues > 0 ? (
        <p className="muted">{t("reference.import.moreIssues", { count: report.moreIssues })}</p>
      ) : null}
    </section>
  );
}
