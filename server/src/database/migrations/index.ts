import { InitialSchema1764460800000 } from './1764460800000-initial-schema';

/** Every migration, in order. One portable set for MariaDB and SQLite. */
export const MIGRATIONS = [InitialSchema1764460800000];
