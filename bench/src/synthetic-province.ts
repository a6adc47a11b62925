import path from 'node:path';
import type { Connection } from 'mysql2/promise';
import { databaseName, SERVER_DIST } from './bench-support';

/**
 * A generated province for the subtree benchmarks, written straight into MariaDB with multi-row
 * INSERTs and explicit ids (the server's own insert path — placeholder path, then the real one —
 * would take minutes for 60,000 nodes and is not what is measured here).
 *
 *   province ─ cities ─ counties ─ enterprises ─ workplaces
 *                     └─ enterprises (one in ten sits directly under its city)
 *
 * Workplaces are spread over enterprises round-robin, so ids do not follow tree order: the listing
 * has to get its order from the path index, as it would after years of additions.
 */
export interface ProvinceShape {
  cities: number;
  counties: number;
  enterprises: number;
  workplacesPerEnterprise: number;
  /** One workplace in this many is archived, so the listing's `archived_at IS NULL` has work to do. */
  archivedEvery: number;
}

export interface GeneratedProvince {
  shape: ProvinceShape;
  provinceId: number;
  cities: { id: number; path: string; workplaces: number }[];
  totals: { unions: number; enterprises: number; workplaces: number; archivedWorkplaces: number; rows: number };
  seconds: number;
}

const INSERT_BATCH_ROWS = 2000;
const INDUSTRIES = [
  'coal_mine',
  'non_coal_mine',
  'hazardous_chemicals',
  'road_traffic',
  'construction',
  'fire',
  'education',
  'power',
  'energy',
  'civil_explosives',
  'special_equipment',
  'city_gas',
];

const COLUMNS = [
  'id',
  'kind',
  'parent_id',
  'path',
  'name',
  'industry',
  'code',
  'address',
  'latitude',
  'longitude',
  'binding_mode',
  'grid_id',
  'archived_at',
  'created_at',
  'updated_at',
] as const;

type Row = (string | number | Date | null)[];

interface ServerDist {
  loadConfig(environment: Record<string, string | undefined>): { database: unknown };
  connectDatabase(database: unknown): Promise<{ destroy(): Promise<void> }>;
}

/** Empties the database and gives it the server's schema by running the compiled migrations. */
export async function migrateEmptyDatabase(connection: Connection, serverDist: string, url: string): Promise<void> {
  const [tables] = await connection.query(
    'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()',
  );
  const names = (tables as { name: string }[]).map((row) => `\`${row.name}\``);
  if (names.length > 0) {
    await connection.query('SET FOREIGN_KEY_CHECKS = 0');
    await connection.query(`DROP TABLE ${names.join(', ')}`);
    await connection.query('SET FOREIGN_KEY_CHECKS = 1');
  }
  const { loadConfig } = require(path.join(serverDist, 'config', 'app-config.js')) as Pick<ServerDist, 'loadConfig'>;
  const { connectDatabase } = require(path.join(serverDist, 'database', 'connect-database.js')) as Pick<
    ServerDist,
    'connectDatabase'
  >;
  const config = loadConfig({ NODE_ENV: 'development', DATABASE_URL: url, DATABASE_CONNECT_RETRIES: '0' });
  const dataSource = await connectDatabase(config.database);
  await dataSource.destroy();
  const [indexes] = await connection.query(
    `SELECT DISTINCT index_name AS name FROM information_schema.statistics
      WHERE table_schema = DATABASE() AND table_name = 'org_unit'`,
  );
  const indexNames = (indexes as { name: string }[]).map((row) => row.name);
  if (!indexNames.includes('IDX_org_unit_kind_path')) {
    throw new Error(
      `${serverDist} migrates to a schema without IDX_org_unit_kind_path: it is older than the source. ` +
        'Build the server (pnpm --filter @ankang/server build) or point BENCH_SERVER_DIST at a current build.',
    );
  }
}

/** Empties the benchmark's database, migrates it with the compiled server and generates a province in it; `what` is for the log line. */
export async function provinceInFreshDatabase(
  connection: Connection,
  url: string,
  shape: ProvinceShape,
  what = 'a province',
): Promise<GeneratedProvince> {
  console.log(`Migrating ${databaseName(url)} with ${SERVER_DIST} and generating ${what}…`);
  await migrateEmptyDatabase(connection, SERVER_DIST, url);
  return generateProvince(connection, shape);
}

export async function generateProvince(connection: Connection, shape: ProvinceShape): Promise<GeneratedProvince> {
  const started = performance.now();
  const now = new Date();
  let nextId = 1;
  const row = (values: Partial<Record<(typeof COLUMNS)[number], string | number | Date | null>>): Row =>
    COLUMNS.map((column) => values[column] ?? null);
  const stamps = { created_at: now, updated_at: now };

  const provinceId = nextId++;
  const provincePath = `/${provinceId}/`;
  const unions: Row[] = [row({ id: provinceId, kind: 'union', path: provincePath, name: '基准省总工会', ...stamps })];

  const cities = Array.from({ length: shape.cities }, (_, index) => {
    const id = nextId++;
    const cityPath = `${provincePath}${id}/`;
    unions.push(
      row({ id, kind: 'union', parent_id: provinceId, path: cityPath, name: `基准第${index + 1}市总工会`, ...stamps }),
    );
    return { id, path: cityPath, workplaces: 0 };
  });
  const counties = Array.from({ length: shape.counties }, (_, index) => {
    const id = nextId++;
    const cityIndex = index % shape.cities;
    const countyPath = `${cities[cityIndex].path}${id}/`;
    unions.push(
      row({
        id,
        kind: 'union',
        parent_id: cities[cityIndex].id,
        path: countyPath,
        name: `基准第${index + 1}县总工会`,
        ...stamps,
      }),
    );
    return { id, path: countyPath, cityIndex };
  });

  const enterprises: Row[] = [];
  const enterpriseHomes: { id: number; path: string; industry: string; cityIndex: number }[] = [];
  let underCities = 0;
  let underCounties = 0;
  for (let index = 0; index < shape.enterprises; index += 1) {
    const id = nextId++;
    const industry = INDUSTRIES[index % INDUSTRIES.length];
    const directlyUnderCity = index % 10 === 0;
    const county = counties[underCounties % counties.length];
    const cityIndex = directlyUnderCity ? underCities % shape.cities : county.cityIndex;
    const parent = directlyUnderCity ? cities[cityIndex] : county;
    if (directlyUnderCity) underCities += 1;
    else underCounties += 1;
    const enterprisePath = `${parent.path}${id}/`;
    enterprises.push(
      row({
        id,
        kind: 'enterprise',
        parent_id: parent.id,
        path: enterprisePath,
        name: `基准企业${index + 1}有限公司`,
        industry,
        address: `基准路 ${index + 1} 号`,
        binding_mode: index % 2 === 0 ? 'approval' : 'automatic',
        ...stamps,
      }),
    );
    enterpriseHomes.push({ id, path: enterprisePath, industry, cityIndex });
  }

  const workplaces: Row[] = [];
  let archivedWorkplaces = 0;
  const workplaceCount = shape.enterprises * shape.workplacesPerEnterprise;
  for (let index = 0; index < workplaceCount; index += 1) {
    const id = nextId++;
    const enterprise = enterpriseHomes[index % enterpriseHomes.length];
    const archived = index % shape.archivedEvery === shape.archivedEvery - 1;
    if (archived) archivedWorkplaces += 1;
    else cities[enterprise.cityIndex].workplaces += 1;
    workplaces.push(
      row({
        id,
        kind: 'workplace',
        parent_id: enterprise.id,
        path: `${enterprise.path}${id}/`,
        name: `作业场所${index + 1}`,
        industry: enterprise.industry,
        code: `BW-${id}`,
        address: `基准路 ${(index % shape.enterprises) + 1} 号 ${Math.floor(index / shape.enterprises) + 1} 区`,
        latitude: index % 2 === 0 ? (3000 + (index % 997)) / 100 : null,
        longitude: index % 2 === 0 ? (11000 + (index % 991)) / 100 : null,
        archived_at: archived ? now : null,
        ...stamps,
      }),
    );
  }

  // Parents before children: the parent foreign key is checked row by row.
  for (const rows of [unions, enterprises, workplaces]) {
    for (let start = 0; start < rows.length; start += INSERT_BATCH_ROWS) {
      await connection.query(`INSERT INTO org_unit (${COLUMNS.join(', ')}) VALUES ?`, [
        rows.slice(start, start + INSERT_BATCH_ROWS),
      ]);
    }
  }
  // Fresh statistics, so that the plan printed afterwards is the one a settled table would get.
  await connection.query('ANALYZE TABLE org_unit');

  return {
    shape,
    provinceId,
    cities,
    totals: {
      unions: unions.length,
      enterprises: enterprises.length,
      workplaces: workplaces.length,
      archivedWorkplaces,
      rows: unions.length + enterprises.length + workplaces.length,
    },
    seconds: (performance.now() - started) / 1000,
  };
}

/** The cities of a province generated earlier, read back when the data is reused. */
export async function readProvince(connection: Connection, shape: ProvinceShape): Promise<GeneratedProvince> {
  const [roots] = await connection.query(
    "SELECT id, path FROM org_unit WHERE parent_id IS NULL AND name = '基准省总工会'",
  );
  const root = (roots as { id: number; path: string }[])[0];
  if (!root) throw new Error('No generated province to reuse: run without BENCH_REUSE_DATA=1 first');
  const [cityRows] = await connection.query(
    `SELECT city.id, city.path,
            (SELECT COUNT(*) FROM org_unit unit
              WHERE unit.kind = 'workplace' AND unit.path LIKE CONCAT(city.path, '%') AND unit.archived_at IS NULL) AS workplaces
       FROM org_unit city WHERE city.parent_id = ? ORDER BY city.id`,
    [root.id],
  );
  const [totals] = await connection.query(
    `SELECT SUM(kind = 'union') AS unions, SUM(kind = 'enterprise') AS enterprises, SUM(kind = 'workplace') AS workplaces,
            SUM(kind = 'workplace' AND archived_at IS NOT NULL) AS archivedWorkplaces, COUNT(*) AS \`rows\`
       FROM org_unit`,
  );
  const counted = (totals as Record<string, string>[])[0];
  return {
    shape,
    provinceId: root.id,
    cities: (cityRows as { id: number; path: string; workplaces: string }[]).map((city) => ({
      id: city.id,
      path: city.path,
      workplaces: Number(city.workplaces),
    })),
    totals: {
      unions: Number(counted.unions),
      enterprises: Number(counted.enterprises),
      workplaces: Number(counted.workplaces),
      archivedWorkplaces: Number(counted.archivedWorkplaces),
      rows: Number(counted.rows),
    },
    seconds: 0,
  };
}
