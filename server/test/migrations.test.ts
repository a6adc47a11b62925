import { Industry } from '@ankang/shared';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/app-config';
import { connectDatabase, resolveDataSourceOptions } from '../src/database/connect-database';
import { MIGRATIONS } from '../src/database/migrations';
import { OrgUnit } from '../src/org/org-unit.entity';
import { seedDemoProvince } from '../src/seed/seed-demo-province';
import { User } from '../src/users/user.entity';
import { type PreparedDatabase, prepareDatabase, testBackends } from './support/backends';

describe.each(testBackends())('schema on %s', (backend) => {
  let database: PreparedDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await prepareDatabase(backend);
    dataSource = await connectDatabase(loadConfig({ NODE_ENV: 'test', ...database.environment }).database);
  });

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    database?.dispose();
  });

  it('applies every migration at start', async () => {
    const applied = await dataSource.query('SELECT name FROM migrations ORDER BY id');
    expect(applied.map((row: { name: string }) => row.name)).toEqual(MIGRATIONS.map((migration) => migration.name));
  });

  it('has no drift between the migrations and the entities (what migration:generate --check compares)', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('runs migrations again as a no-op on an up-to-date schema', async () => {
    const again = await connectDatabase(loadConfig({ NODE_ENV: 'test', ...database.environment }).database);
    await again.destroy();
    const applied = await dataSource.query('SELECT COUNT(*) AS count FROM migrations');
    expect(Number(applied[0].count)).toBe(MIGRATIONS.length);
  });

  it('reverts and re-applies cleanly', async () => {
    const options = await resolveDataSourceOptions(loadConfig({ NODE_ENV: 'test', ...database.environment }).database);
    const scratch = new DataSource(options);
    await scratch.initialize();
    try {
      for (let index = 0; index < MIGRATIONS.length; index += 1) await scratch.undoLastMigration();
      expect(await scratch.createQueryRunner().hasTable('user')).toBe(false);
      await scratch.runMigrations();
      expect((await scratch.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    } finally {
      await scratch.destroy();
    }
  });

  it('stores timestamps in UTC with milliseconds', async () => {
    const moment = new Date('2026-03-01T23:30:00.123Z');
    const repository = dataSource.getRepository(User);
    const inserted = await repository.insert({ displayName: '时间测试', createdAt: moment, updatedAt: moment });
    const stored = await repository.findOneByOrFail({ id: Number(inserted.identifiers[0].id) });
    expect(stored.createdAt.toISOString()).toBe(moment.toISOString());
  });

  it('seeds the demo province once, covering the key industries, and reuses it on a second run', async () => {
    const first = await seedDemoProvince(dataSource);
    const second = await seedDemoProvince(dataSource);
    expect(first.seeded).toBe(true);
    expect(second).toEqual(expect.objectContaining({ seeded: false, orgUnits: first.orgUnits }));
    const units = await dataSource.getRepository(OrgUnit).find();
    expect(units).toHaveLength(first.orgUnits);
    const industries = new Set(units.map((unit) => unit.industry));
    for (const industry of [
      Industry.CoalMine,
      Industry.HazardousChemicals,
      Industry.Construction,
      Industry.RoadTraffic,
      Industry.CityGas,
      Industry.Power,
    ]) {
      expect(industries).toContain(industry);
    }
    // Every path is its parent's path plus its own id: subtree queries depend on it.
    const byId = new Map(units.map((unit) => [unit.id, unit]));
    for (const unit of units) {
      const parentPath = unit.parentId === null ? '/' : byId.get(unit.parentId)?.path;
      expect(unit.path).toBe(`${parentPath}${unit.id}/`);
    }
  });
});
