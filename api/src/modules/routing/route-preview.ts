import type { Channel, DemandType, TicketPriority } from '@hotline/schema';
import { requireSignedIn } from '../../auth/viewer.js';
import type { ServiceContext } from '../../context.js';
import { checkText } from '../../domain/text-limits.js';
import { screenDemand } from '../scope/scope.service.js';
import type { ScopeMatch } from '../scope/scope-matcher.js';
import { decideRoute, type RoutingRuleRow } from './route-ticket.js';
import { checkCodes } from './routing.service.js';

export interface RoutePreviewInput {
  title: string;
  description: string;
  demandType: DemandType;
  channel?: Channel | null;
  categoryCode?: string | null;
  areaCode?: string | null;
}

export interface RoutePreview {
  rule: RoutingRuleRow | null;
  departmentId: string | null;
  priority: TicketPriority;
  scopeAdvice: ScopeMatch | null;
}

/** Where a demand would go if registered now, and whether it looks out of scope. Changes nothing. */
export async function previewRoute(ctx: ServiceContext, input: RoutePreviewInput): Promise<RoutePreview> {
  requireSignedIn(ctx.viewer);
  const title = checkText('title', input.title);
  const description = checkText('description', input.description);
  const categoryCode = input.categoryCode?.trim() || null;
  const areaCode = input.areaCode?.trim() || null;
  if (categoryCode) await checkCodes(ctx.db, 'category', [categoryCode]);
  if (areaCode) await checkCodes(ctx.db, 'area', [areaCode]);
  // The same default createTicket applies.
  const channel: Channel = input.channel ?? (ctx.viewer.kind === 'client' ? 'API' : 'PHONE');
  const rule = await decideRoute(ctx.db, {
    title,
    description,
    demandType: input.demandType,
    channel,
    categoryCode,
    areaCode,
  });
  return {
    rule,
    departmentId: rule?.departmentId ?? null,
    priority: rule?.priority ?? 'ORDINARY',
    scopeAdvice: await screenDemand(ctx.db, { title, description, categoryCode }),
  };
}
