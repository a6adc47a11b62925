import { createConnection } from 'mysql2/promise';

export function mysqlTestUrl(): string {
  return process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';
}

/** Null when MySQL answers at the URL, else the reason it does not. */
export async function probeMysql(url: string): Promise<string | null> {
  try {
    const connection = await createConnection({ uri: url, connectTimeout: 3000 });
    await connection.query('SELECT 1');
    await connection.end();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Empties the test database so a file starts from nothing, whatever ran before it. */
export async function dropAllMysqlTables(url: string): Promise<void> {
  const connection = await createConnection({ uri: url, multipleStatements: true });
  try {
    const [rows] = await connection.query(
      'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()',
    );
    const names = (rows as { name: string }[]).map((row) => `\`${row.name}\``);
    if (names.length > 0) {
      await connection.query(`SET FOREIGN_KEY_CHECKS = 0; DROP TABLE ${names.join(', ')}; SET FOREIGN_KEY_CHECKS = 1;`);
    }
  } finally {
    await connection.end();
  }
}
