import type { Channel, Satisfaction } from '@hotline/schema';
import type { CreateTicketInput } from '../modules/tickets/create-ticket.js';
import { communityCell, communityCode, SUB_DISTRICTS } from './demo-district.js';
import {
  COMPANIES,
  type DemandTemplate,
  OUT_OF_SCOPE_TEMPLATES,
  ROADS,
  SHOPS,
  SURNAMES,
  TEMPLATES,
} from './demo-texts.js';

/** mulberry32: a small, fast, seedable PRNG, so `--seed S` always plans the same district. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const weighted = <T>(list: readonly T[], weightOf: (item: T) => number): T => {
    const total = list.reduce((sum, item) => sum + weightOf(item), 0);
    let roll = next() * total;
    for (const item of list) {
      roll -= weightOf(item);
      if (roll < 0) return item;
    }
    return list[list.length - 1]!;
  };
  return { next, int, pick, weighted, chance: (p: number) => next() < p };
}
export type Random = ReturnType<typeof createRandom>;

export type PlanKind = 'dispatch' | 'direct' | 'outOfScope' | 'withdrawn' | 'duplicate';

export interface TicketPlan {
  index: number;
  kind: PlanKind;
  createdAt: Date;
  input: CreateTicketInput;
  /** The sub-district a ticket falls back to when no rule routes it. */
  subDistrict: string;
  /** For duplicates: the index of the ticket it repeats. */
  duplicateOf?: number;
  /** Uniform draws that become times once the real deadlines are known. */
  draws: number[];
  acceptLate: boolean;
  misroutes: 0 | 1 | 2;
  reassign: boolean;
  stuck: boolean;
  resolveLate: boolean;
  satisfaction: Satisfaction;
}

const HOUR_WEIGHTS = [
  0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.5, 3.5, 6, 7, 6.5, 4.5, 4, 5.5, 6.5, 6.5, 6, 4.5, 3.5, 3, 2.5, 1.5,
  0.8,
];
const HOURS = HOUR_WEIGHTS.map((weight, hour) => ({ weight, hour }));
const CHANNELS: { channel: Channel; weight: number }[] = [
  { channel: 'PHONE', weight: 75 },
  { channel: 'APP', weight: 12 },
  { channel: 'WEB', weight: 8 },
  { channel: 'CITY_PLATFORM', weight: 5 },
];
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** Tickets on a day: weekday/weekend rhythm, Monday backlog, noise and a few peak days near 360. */
function ticketsOnDay(random: Random, weekday: number): number {
  const base = weekday === 6 ? 150 : weekday === 0 ? 130 : weekday === 1 ? 250 : 228;
  const peak = weekday !== 0 && weekday !== 6 && random.chance(0.025) ? 1.45 + random.next() * 0.12 : 1;
  return Math.round(base * peak * (0.88 + random.next() * 0.24));
}

function fill(text: string, random: Random, community: string): string {
  return text
    .replaceAll('{c}', `${community}社区`)
    .replace(/\{r\}/g, () => random.pick(ROADS))
    .replace(/\{b\}/g, () => String(random.int(1, 36)))
    .replace(/\{s\}/g, () => random.pick(SHOPS))
    .replace(/\{x\}/g, () => random.pick(COMPANIES))
    .replace(/\{n\}/g, () => String(random.int(2, 9)));
}

const phoneOf = (random: Random) =>
  `1${random.pick(['3', '5', '7', '8', '9'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`;

/**
 * Plans `days` days of tickets ending with the local day of `end` (UTC+8), oldest first. Every
 * random choice is drawn here, in order, so the same seed plans the same tickets.
 */
export function planTickets(days: number, seed: number, end: Date): TicketPlan[] {
  const random = createRandom(seed);
  // Points come from their own sequence, so the tickets a seed plans are the same with or without them.
  const places = createRandom(seed ^ 0x2545f491);
  const todayStart = Math.floor((end.getTime() + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;
  const plans: TicketPlan[] = [];
  const recent: number[] = [];
  for (let day = days - 1; day >= 0; day--) {
    const dayStart = todayStart - day * DAY_MS;
    const weekday = new Date(dayStart + CHINA_OFFSET_MS).getUTCDay();
    const count = ticketsOnDay(random, weekday);
    const times = Array.from({ length: count }, () => {
      const { hour } = random.weighted(HOURS, (entry) => entry.weight);
      return dayStart + hour * 3_600_000 + Math.floor(random.next() * 3_600_000);
    }).sort((a, b) => a - b);
    for (const time of times) {
      const plan = planOne(random, places, plans.length, new Date(time), plans, recent);
      if (time >= end.getTime()) continue;
      plans.push(plan);
      if (plan.kind === 'dispatch') recent.push(plan.index);
      if (recent.length > 400) recent.shift();
    }
  }
  return plans;
}

/** Where a reporter in this community stands: somewhere in its cell of the district map. */
function pointIn(places: Random, subDistrictIndex: number, communityIndex: number) {
  const cell = communityCell(subDistrictIndex, communityIndex);
  return {
    lat: Number((cell.south + (0.1 + 0.8 * places.next()) * (cell.north - cell.south)).toFixed(6)),
    lng: Number((cell.west + (0.1 + 0.8 * places.next()) * (cell.east - cell.west)).toFixed(6)),
  };
}

/** A second report of the same thing: 10 to 60 m from the first. */
function nearby(places: Random, point: { lat: number; lng: number }) {
  const meters = 10 + places.next() * 50;
  const angle = places.next() * 2 * Math.PI;
  return {
    lat: Number((point.lat + (meters * Math.cos(angle)) / 111_195).toFixed(6)),
    lng: Number(
      (point.lng + (meters * Math.sin(angle)) / (111_195 * Math.cos((point.lat * Math.PI) / 180))).toFixed(6),
    ),
  };
}

function planOne(
  random: Random,
  places: Random,
  index: number,
  createdAt: Date,
  plans: TicketPlan[],
  recent: number[],
): TicketPlan {
  const subDistrict = random.pick(SUB_DISTRICTS);
  const communityIndex = random.int(0, subDistrict.communities.length - 1);
  const location = pointIn(places, SUB_DISTRICTS.indexOf(subDistrict), communityIndex);
  const community = subDistrict.communities[communityIndex]!;
  const roll = random.next();
  const draws = Array.from({ length: 8 }, () => random.next());
  const common = {
    index,
    createdAt,
    subDistrict: subDistrict.code,
    draws,
    acceptLate: random.chance(0.025),
    misroutes: (random.chance(0.025) ? (random.chance(0.12) ? 2 : 1) : 0) as 0 | 1 | 2,
    reassign: random.chance(0.01),
    stuck: random.chance(0.02),
    resolveLate: random.chance(0.03),
    satisfaction: random.weighted(
      [
        ['SATISFIED', 86],
        ['BASICALLY_SATISFIED', 12],
        ['DISSATISFIED', 2],
      ] as const,
      ([, weight]) => weight,
    )[0] as Satisfaction,
  };
  const caller = {
    callerName: `${random.pick(SURNAMES)}${random.chance(0.5) ? '先生' : '女士'}`,
    callerPhone: phoneOf(random),
    channel: random.weighted(CHANNELS, (entry) => entry.weight).channel,
    areaCode: communityCode(subDistrict.code, communityIndex),
    address: `${subDistrict.name}${community}社区${random.int(1, 36)}号楼`,
    location,
  };
  if (roll < 0.035) {
    const template = random.pick(OUT_OF_SCOPE_TEMPLATES);
    const input = {
      ...caller,
      title: template.title,
      description: fill(template.description, random, community),
      demandType: 'HELP_REQUEST' as const,
      categoryCode: template.category,
    };
    return { ...common, kind: 'outOfScope', input };
  }
  if (roll < 0.05 && recent.length > 0) {
    const original = plans[random.pick(recent)]!;
    const input = {
      ...original.input,
      channel: caller.channel,
      description: `${original.input.description}（再次来电催促）`,
      location: original.input.location ? nearby(places, original.input.location) : location,
    };
    return { ...common, kind: 'duplicate', duplicateOf: original.index, input };
  }
  const template: DemandTemplate = random.weighted(TEMPLATES, (entry) => entry.weight);
  const input = {
    ...caller,
    title: fill(template.title, random, community),
    description: fill(template.description, random, community),
    demandType: template.demandType,
    categoryCode: template.category,
  };
  if (roll < 0.06) return { ...common, kind: 'withdrawn', input };
  const direct = template.direct ?? (template.demandType === 'CONSULTATION' ? 0.7 : 0.04);
  return { ...common, kind: random.chance(direct) ? 'direct' : 'dispatch', input };
}
