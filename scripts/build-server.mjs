// Compiles the server (the workspace packages schema, api, workers and the root's main.ts/boot.ts) to the
// JavaScript that `node dist/main.js` runs: `<package>/dist/` for each package, `dist/` for the root.
//
//   node scripts/build-server.mjs             clean build
//   node scripts/build-server.mjs --if-stale  build only when the sources changed since the last build
//
// Staleness: the build ends by writing dist/build-fingerprint.json, a SHA-256 of every input (each file
// under schema/src, api/src and workers/src, main.ts, boot.ts, the tsconfig and package.json files that
// shape the output) and the TypeScript version. `--if-stale` recomputes it (tens of milliseconds) and
// rebuilds when it differs or is missing, so `pnpm start` after a `git pull` or an edit never runs old
// code. A build is always clean (every dist/ removed first): a deleted source leaves no orphan behind
// (the schema discovers `*.resolver.js` files by listing a folder).
//
// Emit only (`--noCheck`): `pnpm typecheck` (and `pnpm build`, which runs it first) checks the types; tsc
// still emits the decorator metadata type-graphql reads (emitDecoratorMetadata), which tsx cannot.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGES = ['schema', 'api', 'workers'];
const FINGERPRINT_FILE = join(root, 'dist', 'build-fingerprint.json');
/** Files tsc does not copy that the compiled code reads next to itself. */
const ASSETS = [{ from: 'api/src/http/status-page', to: 'api/dist/http/status-page' }];

async function filesUnder(dir) {
  const entries = await readdir(join(root, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath ?? entry.path, entry.name)));
}

async function fingerprint() {
  const inputs = [
    'main.ts',
    'boot.ts',
    'package.json',
    'tsconfig.base.json',
    'tsconfig.build.json',
    ...PACKAGES.flatMap((name) => [`${name}/package.json`, `${name}/tsconfig.build.json`]),
    ...(await Promise.all(PACKAGES.map((name) => filesUnder(`${name}/src`)))).flat(),
  ].sort();
  const hash = createHash('sha256');
  const typescript = JSON.parse(await readFile(join(root, 'node_modules/typescript/package.json'), 'utf8'));
  hash.update(`typescript ${typescript.version}\n`);
  for (const file of inputs) {
    hash.update(`${file}\n`);
    hash.update(await readFile(join(root, file)));
  }
  return hash.digest('hex');
}

async function builtFingerprint() {
  try {
    return JSON.parse(await readFile(FINGERPRINT_FILE, 'utf8')).fingerprint;
  } catch {
    return null;
  }
}

function compile(project) {
  return new Promise((resolve, reject) => {
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const child = spawn(process.execPath, [tsc, '-p', project, '--noCheck'], { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`tsc -p ${project} exited ${code}`)),
    );
  });
}

const started = Date.now();
const expected = await fingerprint();
if (process.argv.includes('--if-stale') && (await builtFingerprint()) === expected) process.exit(0);

await Promise.all(
  [...PACKAGES.map((name) => `${name}/dist`), 'dist'].map((dir) =>
    rm(join(root, dir), { recursive: true, force: true }),
  ),
);
await Promise.all(
  [...PACKAGES.map((name) => `${name}/tsconfig.build.json`), 'tsconfig.build.json'].map(compile),
);
for (const { from, to } of ASSETS) await cp(join(root, from), join(root, to), { recursive: true });
await mkdir(dirname(FINGERPRINT_FILE), { recursive: true });
await writeFile(
  FINGERPRINT_FILE,
  `${JSON.stringify({ fingerprint: expected, builtAt: new Date().toISOString() }, null, 2)}\n`,
);
process.stdout.write(`server compiled to dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
