import type * as enums from '@hotline/schema';
import { Field, ID, InputType } from 'type-graphql';
import { TicketPriority } from '../../graphql/enums.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { TicketFilter, TicketOrder } from '../tickets/tickets.input.js';
import { ExportFormat, ExportLanguage } from './exports.type.js';

@InputType({ description: 'The arguments of the `tickets` query: every matching ticket is exported.' })
export class TicketExportInput {
  @Field(() => TicketFilter, { nullable: true })
  filter?: TicketFilter | null;
  @Field(() => TicketOrder, { nullable: true })
  orderBy?: TicketOrder | null;
}

@InputType({ description: 'The arguments of the `stats` query.' })
export class StatsExportInput {
  @Field(() => DateTimeScalar)
  from!: Date;
  @Field(() => DateTimeScalar)
  to!: Date;
  @Field(() => ID, { nullable: true })
  departmentId?: string | null;
}

@InputType({
  description: 'The arguments of the `slaReport` query; its missed deadlines are exported in full.',
})
export class SlaReportExportInput {
  @Field(() => DateTimeScalar)
  from!: Date;
  @Field(() => DateTimeScalar)
  to!: Date;
  @Field(() => ID, { nullable: true })
  departmentId?: string | null;
  @Field(() => TicketPriority, { nullable: true })
  priority?: enums.TicketPriority | null;
  @Field(() => ID, { nullable: true })
  categoryId?: string | null;
}

@InputType({ description: 'The arguments of the `departmentRanking` query: one row per department.' })
export class RankingExportInput {
  @Field(() => DateTimeScalar)
  from!: Date;
  @Field(() => DateTimeScalar)
  to!: Date;
}

@InputType({ description: 'What to export: exactly one of tickets, stats, slaReport, ranking.' })
export class ExportInput {
  @Field(() => ExportFormat)
  format!: keyof typeof ExportFormat;
  @Field(() => ExportLanguage, { nullable: true, description: 'Header language; default EN.' })
  language?: keyof typeof ExportLanguage | null;
  @Field(() => TicketExportInput, { nullable: true })
  tickets?: TicketExportInput | null;
  @Field(() => StatsExportInput, { nullable: true })
  stats?: StatsExportInput | null;
  @Field(() => SlaReportExportInput, { nullable: true })
  slaReport?: SlaReportExportInput | null;
  @Field(() => RankingExportInput, { nullable: true })
  ranking?: RankingExportInput | null;
}
