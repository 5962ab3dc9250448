import type { Channel, DemandType, RoutingConditionsRow } from '@hotline/schema';

export interface RoutableTicket {
  title: string;
  description: string;
  demandType: DemandType;
  channel: Channel;
  categoryCode: string | null;
  areaCode: string | null;
}

/** AND across fields, OR within a field, an empty list matches anything. Keywords ignore case. */
function matchesConditions(conditions: RoutingConditionsRow, ticket: RoutableTicket): boolean {
  const text = `${ticket.title}\n${ticket.description}`.toLocaleLowerCase();
  const anyOf = <T>(list: readonly T[], test: (item: T) => boolean) => list.length === 0 || list.some(test);
  return (
    anyOf(conditions.categoryCodes, (code) => code === ticket.categoryCode) &&
    anyOf(conditions.areaCodes, (code) => code === ticket.areaCode) &&
    anyOf(conditions.demandTypes, (type) => type === ticket.demandType) &&
    anyOf(conditions.channels, (channel) => channel === ticket.channel) &&
    anyOf(conditions.keywords, (keyword) => text.includes(keyword.toLocaleLowerCase()))
  );
}

/** The first enabled rule, by ascending position, whose conditions match. */
export function pickRule<R extends { position: number; enabled: boolean; conditions: RoutingConditionsRow }>(
  rules: readonly R[],
  ticket: RoutableTicket,
): R | null {
  const ordered = [...rules].sort((a, b) => a.position - b.position);
  return ordered.find((rule) => rule.enabled && matchesConditions(rule.conditions, ticket)) ?? null;
}
