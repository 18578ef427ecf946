import { sql, type SQL } from "drizzle-orm";

/**
 * SQL for the provinces bordering any of `provinceCodes` (a varchar[] expression), without those provinces
 * themselves: `'{}'` when there are none. What a job's matching rows store as its neighbouring provinces.
 */
export function neighboursOfSql(provinceCodes: SQL): SQL {
  return sql`coalesce((select array_agg(distinct n.neighbour_code) from province_neighbours n
    where n.province_code = any(${provinceCodes}) and not (n.neighbour_code = any(${provinceCodes}))), '{}')`;
}
