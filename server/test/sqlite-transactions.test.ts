import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/app-config';
import { connectDatabase } from '../src/database/connect-database';
import { User } from '../src/users/user.entity';
import { type PreparedDatabase, prepareDatabase, testBackends } from './support/backends';

/**
 * An accepted write is never lost: a transaction that fails must undo its own writes only, on the
 * embedded SQLite (one shared connection) as on MySQL (a pool).
 */
describe.each(testBackends())('concurrent transactions on %s', (backend) => {
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

  const insertUser = (manager: DataSource['manager'], displayName: string) =>
    manager.insert(User, { displayName, createdAt: new Date(), updatedAt: new Date() });
  const countUsers = (displayName: string) => dataSource.getRepository(User).countBy({ displayName });

  it('keeps a write made by someone else while a failing transaction was open', async () => {
    let insideTransaction!: () => void;
    const opened = new Promise<void>((resolve) => {
      insideTransaction = resolve;
    });
    const failing = dataSource.transaction(async (manager) => {
      await insertUser(manager, '回滚的事务');
      insideTransaction();
      await sleep(50);
      throw new Error('the transaction fails');
    });
    await opened;
    const unrelated = insertUser(dataSource.manager, '无关的写入');
    await expect(failing).rejects.toThrow('the transaction fails');
    await unrelated;
    expect(await countUsers('回滚的事务')).toBe(0);
    expect(await countUsers('无关的写入')).toBe(1);
  });

  it('keeps a concurrent transaction whole when another one rolls back', async () => {
    const results = await Promise.allSettled([
      dataSource.transaction(async (manager) => {
        await insertUser(manager, '失败的甲');
        await sleep(20);
        throw new Error('first fails');
      }),
      dataSource.transaction(async (manager) => {
        await insertUser(manager, '成功的乙');
        await sleep(20);
        await insertUser(manager, '成功的乙');
      }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled']);
    expect(await countUsers('失败的甲')).toBe(0);
    expect(await countUsers('成功的乙')).toBe(2);
  });

  it('still nests a transaction inside a transaction', async () => {
    await dataSource.transaction(async (outer) => {
      await insertUser(outer, '外层');
      await outer.transaction(async (inner) => insertUser(inner, '内层'));
    });
    expect(await countUsers('外层')).toBe(1);
    expect(await countUsers('内层')).toBe(1);
  });
});
