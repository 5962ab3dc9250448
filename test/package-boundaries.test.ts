import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The layout of the README ("Packages"): schema <- api (services) <- workers; api's server beside its
 * services; the composition root (boot.ts, main.ts) on top. Checked on the sources so it cannot drift.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES = ['schema', 'api', 'workers', 'admin'];
const SKIP = new Set(['node_modules', 'dist', '.git', '.data']);
const SPECIFIER = /(?:\bfrom|\bimport|\bimport\s*\(|\bvi\.mock\s*\()\s*['"]([^'"]+)['"]/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx|mts|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const packageOf = (file: string) => {
  const top = relative(ROOT, file).split('/')[0] ?? '';
  return PACKAGES.includes(top) ? top : 'root';
};
const specifiers = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(SPECIFIER)].map((match) => match[1] as string);
const files = sources(ROOT);

/** The file a relative specifier names (`./x.js` is ./x.ts), or null. */
function resolveRelative(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier).replace(/\.js$/, '');
  const found = ['.ts', '.tsx', '/index.ts'].map((end) => base + end).find((path) => existsSync(path));
  return found ?? null;
}

describe('package boundaries', () => {
  it('no relative import leaves its package', () => {
    const crossing = files.flatMap((file) =>
      specifiers(file)
        .filter((specifier) => specifier.startsWith('.'))
        .filter((specifier) => packageOf(resolve(dirname(file), specifier)) !== packageOf(file))
        .map((specifier) => `${relative(ROOT, file)}: ${specifier}`),
    );
    expect(crossing).toEqual([]);
  });

  it('dependencies point one way: schema <- api <- workers, and only the root starts them', () => {
    const forbidden: Record<string, RegExp> = {
      schema: /^(@hotline\/(api|workers|admin)|hotline)(\/|$)/,
      api: /^(@hotline\/(workers|admin)|hotline)(\/|$)/,
      workers: /^(@hotline\/(api\/server|api\/domain|admin)|hotline)(\/|$)/,
      admin: /^(@hotline\/(api\/services|api\/server|workers|schema)|hotline)(\/|$)/,
    };
    const wrong = files.flatMap((file) => {
      const rule = forbidden[packageOf(file)];
      return rule
        ? specifiers(file)
            .filter((specifier) => rule.test(specifier))
            .map((specifier) => `${relative(ROOT, file)}: ${specifier}`)
        : [];
    });
    expect(wrong).toEqual([]);
  });

  it('each package lists the workspace packages it imports', () => {
    const missing = PACKAGES.flatMap((name) => {
      const manifest = JSON.parse(readFileSync(join(ROOT, name, 'package.json'), 'utf8'));
      const used = new Set(
        files
          .filter((file) => packageOf(file) === name)
          .flatMap(specifiers)
          .filter((specifier) => specifier.startsWith('@hotline/'))
          .map((specifier) => specifier.split('/').slice(0, 2).join('/')),
      );
      return [...used]
        .filter((dep) => dep !== manifest.name && !manifest.dependencies?.[dep])
        .map((dep) => `${name}: ${dep}`);
    });
    expect(missing).toEqual([]);
  });

  it.each(['api/src/services.ts', 'api/src/domain/index.ts'])(
    '%s reaches no transport (GraphQL types, HTTP)',
    (entry) => {
      const seen = new Set<string>();
      const pending = [join(ROOT, entry)];
      const transport: string[] = [];
      while (pending.length > 0) {
        const file = pending.pop() as string;
        if (seen.has(file)) continue;
        seen.add(file);
        const text = readFileSync(file, 'utf8');
        if (
          /\/(graphql|http)\//.test(relative(ROOT, file)) ||
          /from '(type-graphql|express|@apollo\/[^']+)'/.test(text)
        )
          transport.push(relative(ROOT, file));
        // Type-only imports are erased: they load nothing.
        for (const match of text.matchAll(/^(?:import|export)\s+(?!type\s)[^'"]*?['"](\.[^'"]+)['"]/gm)) {
          const target = resolveRelative(file, match[1] as string);
          if (target) pending.push(target);
        }
      }
      expect(transport).toEqual([]);
    },
  );
});
