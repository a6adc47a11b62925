import type { Connection, Pool } from 'mysql2/promise';

/**
 * The SQL a union cadre's subtree listing comes down to — every workplace under a node, in tree
 * order, a page at a time after the last path seen — and a check that MariaDB answers it by walking
 * the path index rather than scanning or sorting the table.
 */
export const SUBTREE_INDEXES = ['IDX_org_unit_kind_path', 'UQ_org_unit_path'] as const;

const SELECT_COLUMNS = `unit.id, unit.kind, unit.parent_id, unit.path, unit.name, unit.industry, unit.code,
  unit.address, unit.latitude, unit.longitude, unit.binding_mode, unit.grid_id, unit.archived_at,
  unit.created_at, unit.updated_at`;

export interface SubtreePageRow {
  id: number;
  path: string;
}

/**
 * One page of `pageSize` workplaces after `afterPath`, fetched with one extra row that only says a
 * next page exists. The first page starts after the root's own path, as the API's does: one shape of
 * statement for every page.
 */
export function subtreePageQuery(rootPath: string, afterPath: string, pageSize: number): [string, string[]] {
  const sql = `SELECT ${SELECT_COLUMNS} FROM org_unit unit
    WHERE unit.path LIKE ? AND unit.kind = 'workplace' AND unit.path > ? AND unit.archived_at IS NULL
    ORDER BY unit.path LIMIT ${pageSize + 1}`;
  return [sql, [`${rootPath}%`, afterPath]];
}

/** Pages through a subtree the way the API does; reports each page's latency, returns the ids in order. */
export async function pageThroughSubtree(
  pool: Pool,
  rootPath: string,
  pageSize: number,
  onPage: (milliseconds: number) => void,
): Promise<number[]> {
  const ids: number[] = [];
  let afterPath = rootPath;
  for (;;) {
    const [sql, parameters] = subtreePageQuery(rootPath, afterPath, pageSize);
    const started = performance.now();
    const [result] = await pool.query(sql, parameters);
    onPage(performance.now() - started);
    const rows = result as SubtreePageRow[];
    const page = rows.slice(0, pageSize);
    ids.push(...page.map((row) => row.id));
    if (rows.length <= pageSize) return ids;
    afterPath = page[page.length - 1].path;
  }
}

export interface PlanRow {
  id: number;
  select_type: string;
  table: string;
  type: string;
  possible_keys: string | null;
  key: string | null;
  key_len: string | null;
  ref: string | null;
  rows: number;
  r_rows?: number;
  filtered?: number;
  r_filtered?: number;
  Extra: string | null;
}

export interface PlanCheck {
  label: string;
  sql: string;
  parameters: string[];
  plan: PlanRow[];
  /** MariaDB's ANALYZE of the same statement: the plan with the rows it actually read (r_rows). */
  analyzed: PlanRow[];
  problems: string[];
}

/** The plan of a page, and what is wrong with it: anything but a range scan on a path index, or a filesort. */
export async function checkPlan(
  connection: Connection,
  label: string,
  rootPath: string,
  afterPath: string,
  pageSize: number,
): Promise<PlanCheck> {
  const [sql, parameters] = subtreePageQuery(rootPath, afterPath, pageSize);
  const [explained] = await connection.query(`EXPLAIN ${sql}`, parameters);
  const [analyzed] = await connection.query(`ANALYZE ${sql}`, parameters);
  const plan = explained as PlanRow[];
  const problems: string[] = [];
  if (plan.length !== 1) problems.push(`expected one table access, got ${plan.length}`);
  for (const step of plan) {
    if (step.type === 'ALL' || step.type === 'index') problems.push(`${step.type} scan of ${step.table}`);
    else if (step.type !== 'range') problems.push(`access type ${step.type}, not range`);
    if (!SUBTREE_INDEXES.includes(step.key as (typeof SUBTREE_INDEXES)[number])) {
      problems.push(`uses ${step.key ?? 'no index'}, not ${SUBTREE_INDEXES.join(' or ')}`);
    }
    if (/filesort/i.test(step.Extra ?? '')) problems.push('sorts with a filesort');
    if (/temporary/i.test(step.Extra ?? '')) problems.push('uses a temporary table');
  }
  return { label, sql: sql.replace(/\s+/g, ' '), parameters, plan, analyzed: analyzed as PlanRow[], problems };
}
