import { readFile } from 'node:fs/promises';
import { buildHotlineSchema, SDL_FILE, servedSdl } from '@hotline/api/server';
import { buildSchema, findBreakingChanges } from 'graphql';
import { describe, expect, it } from 'vitest';

const contractFile = new URL('../../../shared/contract/hotline.graphql', import.meta.url);

describe('the served schema', () => {
  it('breaks nothing in the public contract', async () => {
    const contract = buildSchema(await readFile(contractFile, 'utf8'));
    const breaking = findBreakingChanges(contract, await buildHotlineSchema());
    expect(breaking.map((change) => `${change.type}: ${change.description}`)).toEqual([]);
  });

  it('matches the committed schema/schema.graphql (run `pnpm emit-schema`)', async () => {
    expect(await readFile(SDL_FILE, 'utf8')).toBe(await servedSdl());
  });
});
