import type postgres from 'postgres';

type Client = postgres.Sql | postgres.TransactionSql;
type Callback = (client: Client) => unknown;

/**
 * drizzle sends each query through postgres.js `unsafe()` unprepared, so PostgreSQL parses and
 * plans every statement from scratch: about a third of the server's time on our write paths. This
 * view of a postgres.js client sends every parameterised query as a named prepared statement
 * instead (postgres.js keeps one per distinct text per connection, and re-prepares one that a
 * migration invalidated), inside transactions and savepoints as well.
 */
export function withPreparedStatements<T extends Client>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (query: string, args?: unknown[], options?: object) =>
          target.unsafe(query, args as never, { ...options, prepare: true });
      }
      if (property === 'begin' || property === 'savepoint') {
        return (...args: unknown[]) => {
          const callback = args.pop() as Callback;
          const open = Reflect.get(target, property, receiver) as (...a: unknown[]) => unknown;
          return open.call(target, ...args, (inner: Client) => callback(withPreparedStatements(inner)));
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}
