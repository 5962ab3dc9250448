/**
 * `@hotline/api/server`: the API's transport: the GraphQL schema, the HTTP server and `startApi`,
 * which the composition root (boot.ts) calls for the `api` and `all` roles.
 */

export * from './emit-schema.js';
export * from './graphql/loaders.js';
export * from './graphql/schema.js';
export * from './http/server.js';
export * from './start-api.js';
