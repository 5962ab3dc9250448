import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('graphql-env.d.ts', () => {
  it('is generated from the current schema/schema.graphql (else `pnpm emit-schema`)', () => {
    const script = resolve(import.meta.dirname, '../../scripts/graphql-env.mjs');
    expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
