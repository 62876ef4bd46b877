import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import knexFactory from 'knex';

/**
 * One SQLite database in memory per plugin, closed when the backend stops. Backstage's own
 * database service leaves SQLite pools open on shutdown (their reaping timers keep a process
 * alive), so an in-process backend that should end with its work, the command line's or a
 * test's, uses this one.
 */
export const inMemoryDatabaseServiceFactory = createServiceFactory({
  service: coreServices.database,
  deps: { lifecycle: coreServices.lifecycle },
  async factory({ lifecycle }) {
    const client = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
      // Every connection to ':memory:' is a separate database: keep one.
      pool: { min: 1, max: 1 },
    });
    lifecycle.addShutdownHook(() => client.destroy());
    return { getClient: async () => client, migrations: { skip: false } };
  },
});
