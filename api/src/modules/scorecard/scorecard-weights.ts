import { scorecardWeights } from '@hotline/schema';
import { eq } from 'drizzle-orm';
import { requireRole } from '../../auth/viewer.js';
import type { ServiceContext } from '../../context.js';
import { badInput } from '../../errors/app-error.js';
import { recordSettingsChange } from '../settings-audit/settings-audit.writer.js';

/** The rates a department's score weighs; reopen and return rates count inverted (fewer is better). */
export const WEIGHTED_RATES = [
  'responseRate',
  'resolutionRate',
  'onTimeResolutionRate',
  'satisfactionRate',
  'reopenRate',
  'returnRate',
] as const;
export type WeightedRate = (typeof WEIGHTED_RATES)[number];
export type Weights = Record<WeightedRate, number>;

/** Until a MANAGER sets them: the three rates management lives by first, then redo and misrouting. */
export const DEFAULT_WEIGHTS: Weights = {
  responseRate: 20,
  resolutionRate: 20,
  onTimeResolutionRate: 20,
  satisfactionRate: 25,
  reopenRate: 10,
  returnRate: 5,
};

export interface WeightsView extends Weights {
  updatedAt: Date | null;
  updatedById: string | null;
}

const MAX_WEIGHT = 100;

export async function getScorecardWeights(db: ServiceContext['db']): Promise<WeightsView> {
  const [row] = await db.select().from(scorecardWeights).where(eq(scorecardWeights.id, 1));
  if (!row) return { ...DEFAULT_WEIGHTS, updatedAt: null, updatedById: null };
  return { ...DEFAULT_WEIGHTS, ...row.weights, updatedAt: row.updatedAt, updatedById: row.updatedById };
}

/** Whole numbers 0..100, at least one above 0 (a score needs something to weigh). */
function checkWeights(input: Weights): Weights {
  const weights = {} as Weights;
  for (const rate of WEIGHTED_RATES) {
    const value = input[rate];
    if (!Number.isInteger(value) || value < 0 || value > MAX_WEIGHT)
      throw badInput(`${rate} must be a whole number from 0 to ${MAX_WEIGHT}`, `input.${rate}`);
    weights[rate] = value;
  }
  if (WEIGHTED_RATES.every((rate) => weights[rate] === 0))
    throw badInput('At least one weight must be above 0', 'input');
  return weights;
}

/** MANAGER or ADMIN: replaces the weights, recorded in the settings audit in the same transaction. */
export async function setScorecardWeights(ctx: ServiceContext, input: Weights): Promise<WeightsView> {
  requireRole(ctx.viewer, ['ADMIN', 'MANAGER']);
  const weights = checkWeights(input);
  const now = ctx.clock.now();
  const actorId = ctx.viewer.kind === 'user' ? ctx.viewer.id : null;
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(scorecardWeights).where(eq(scorecardWeights.id, 1)).for('update');
    await tx
      .insert(scorecardWeights)
      .values({ id: 1, weights, updatedAt: now, updatedById: actorId })
      .onConflictDoUpdate({
        target: scorecardWeights.id,
        set: { weights, updatedAt: now, updatedById: actorId },
      });
    await recordSettingsChange(tx, ctx, now, {
      kind: 'SCORECARD_WEIGHTS',
      entityId: '1',
      action: before ? 'UPDATED' : 'CREATED',
      before: before?.weights ?? null,
      after: weights,
    });
  });
  return { ...weights, updatedAt: now, updatedById: actorId };
}

/** 0..100: the weighted mean of the rates that have data (null when none has). */
export function weightedScore(rates: Record<WeightedRate, number | null>, weights: Weights): number | null {
  let sum = 0;
  let weight = 0;
  for (const rate of WEIGHTED_RATES) {
    const value = rates[rate];
    if (value == null || weights[rate] === 0) continue;
    const good = rate === 'reopenRate' || rate === 'returnRate' ? 1 - value : value;
    sum += weights[rate] * good;
    weight += weights[rate];
  }
  return weight > 0 ? Math.round((1000 * sum) / weight) / 10 : null;
}
