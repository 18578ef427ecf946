import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkRepository, checkServerImports } from "../../scripts/check-server-imports";

// A route like /graduate/jobs was: its pager read a page size from a .server module, undefined in the browser, so the
// page failed to hydrate and said "Trang 1/NaN".
const badRoute = `
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { loadJobs, PAGE_SIZE, type Job } from "~/modules/jobs/pages.server";
import * as money from "~/lib/money.server";

export async function loader() {
  return json({ jobs: await loadJobs(PAGE_SIZE) });
}

function Pager({ total }: { total: number }) {
  return <p>{Math.ceil(total / PAGE_SIZE)}</p>;
}

export default function Jobs() {
  const { jobs } = useLoaderData<typeof loader>();
  const options = { money };
  return <Pager total={jobs.length} />;
}
`;

const goodRoute = `
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { loadJobs, type Job } from "~/modules/jobs/pages.server";
import type { Row } from "~/modules/jobs/rows.server";
import { formatMoney } from "~/lib/money.server";
import { PAGE_SIZE } from "~/modules/jobs/page-sizes";

const loadTwice = () => [loadJobs(PAGE_SIZE), formatMoney(1)];

export async function loader() {
  const rows: Row[] = [];
  return json({ jobs: await loadJobs(PAGE_SIZE), twice: loadTwice(), rows });
}

export default function Jobs() {
  const { jobs } = useLoaderData<typeof loader>();
  const first: Job | undefined = jobs[0] as unknown as Job;
  const loadJobs = (n: number) => n; // a local name that shadows the import
  return <p data-x={first?.formatMoney}>{loadJobs(PAGE_SIZE)}</p>;
}
`;

describe("check-server-imports (no .server value reaches the browser)", () => {
  it("reports each browser use of a .server value with its line, in routes and in components", () => {
    const problems = checkServerImports({
      routes: [{ fileName: "app/routes/jobs.tsx", text: badRoute }],
      clientModules: [
        {
          fileName: "app/components/pager.tsx",
          text: `import { PAGE_SIZE } from "~/modules/jobs/pages.server";\nexport const size = PAGE_SIZE;\n`,
        },
        { fileName: "app/lib/effects.ts", text: `import "~/lib/db.server";\nexport const x = 1;\n` },
      ],
    });
    expect(problems.map((p) => `${p.fileName}:${p.line}`)).toEqual([
      "app/components/pager.tsx:2",
      "app/lib/effects.ts:1",
      "app/routes/jobs.tsx:12", // PAGE_SIZE in the Pager that the default export renders
      "app/routes/jobs.tsx:17", // the namespace import in the component
    ]);
    expect(problems[2]?.message).toContain("PAGE_SIZE");
  });

  it("accepts .server values used only by the loader, types, and type-only imports", () => {
    const problems = checkServerImports({
      routes: [{ fileName: "app/routes/jobs.tsx", text: goodRoute }],
      clientModules: [
        {
          fileName: "app/components/jobs.tsx",
          text: `import type { Job } from "~/modules/jobs/pages.server";\nexport const f = (j: Job) => j;\n`,
        },
      ],
    });
    expect(problems).toEqual([]);
  });

  it("finds nothing in this repository's routes, components and lib", () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
    expect(checkRepository(root)).toEqual([]);
  }, 30_000);
});
