import 'reflect-metadata';
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type GraphQLSchema, isInterfaceType } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';

// type-graphql takes resolver classes as `Function`.
// biome-ignore lint/complexity/noBannedTypes: the type type-graphql expects
type ResolverClass = Function;

const modulesDir = fileURLToPath(new URL('../modules/', import.meta.url));

/** Every `modules/<name>/*.resolver.ts`, so adding a module needs no central edit. */
async function discoverResolvers(): Promise<NonEmptyArray<ResolverClass>> {
  const entries = await readdir(modulesDir, { recursive: true });
  const files = entries.filter((file) => /\.resolver\.[jt]s$/.test(file)).sort();
  const resolvers: ResolverClass[] = [];
  for (const file of files) {
    const module = (await import(new URL(`../modules/${file}`, import.meta.url).href)) as Record<
      string,
      unknown
    >;
    for (const value of Object.values(module)) {
      if (typeof value === 'function' && /Resolver$/.test(value.name)) resolvers.push(value);
    }
  }
  if (resolvers.length === 0) throw new Error(`No resolvers found under ${modulesDir}`);
  return resolvers as NonEmptyArray<ResolverClass>;
}

let built: Promise<GraphQLSchema> | undefined;

/** The served schema, built once per process. */
export function buildHotlineSchema(): Promise<GraphQLSchema> {
  built ??= discoverResolvers().then(async (resolvers) => {
    const schema = await buildSchema({ resolvers, validate: false });
    // type-graphql wraps `resolveType` in an async function; the compiled executor (jit-executor.ts)
    // takes a type name, not a promise of one. Node's objects are tagged with `__typename` (node.ts).
    const node = schema.getType('Node');
    if (isInterfaceType(node)) node.resolveType = (value: { __typename?: string }) => value.__typename;
    return schema;
  });
  return built;
}
