import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { EXPORT_DIRECT_MAX_ROWS_DEFAULT } from '../../config.js';
import { badInput } from '../../errors/app-error.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { ExportInput } from './exports.input.js';
import { createExport, createExportDownload, getExport, listExports } from './exports.service.js';
import { ExportDownload, ExportJob, SOURCE_NAMES, toExportJob } from './exports.type.js';

const SOURCE_KEYS = ['tickets', 'stats', 'slaReport', 'ranking'] as const;

/** The one source an ExportInput names. */
function chosenSource(input: ExportInput): { source: string; params: unknown } {
  const given = SOURCE_KEYS.filter((key) => input[key] != null);
  if (given.length !== 1) throw badInput(`Give exactly one of ${SOURCE_KEYS.join(', ')}`, 'input');
  const key = given[0] as (typeof SOURCE_KEYS)[number];
  const source = {
    tickets: SOURCE_NAMES.TICKETS,
    stats: SOURCE_NAMES.STATS,
    slaReport: SOURCE_NAMES.SLA_REPORT,
    ranking: SOURCE_NAMES.RANKING,
  }[key];
  return { source, params: input[key] };
}

@Resolver(() => ExportJob)
export class ExportResolver {
  @Mutation(() => ExportJob, {
    description:
      'Exports a ticket list or report as the viewer sees it (phones masked as in the API). Up to EXPORT_DIRECT_MAX_ROWS rows (default 5,000) the file is ready (DONE) in the answer; larger exports run in the background: poll `export(id)`. Recorded: who exported what.',
  })
  async createExport(@Arg('input', () => ExportInput) input: ExportInput, @Ctx() ctx: GraphQLContext) {
    const { source, params } = chosenSource(input);
    const job = await createExport(
      ctx,
      {
        source,
        params,
        format: input.format,
        language: input.language,
        directMaxRows: ctx.exportDirectMaxRows ?? EXPORT_DIRECT_MAX_ROWS_DEFAULT,
      },
      (id) => ctx.enqueueExport?.(id) ?? Promise.reject(new Error('no export queue')),
    );
    return toExportJob(job);
  }

  @Mutation(() => ExportDownload, {
    description: 'A one-time download link for one of your finished exports, valid 5 minutes.',
  })
  createExportDownload(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return createExportDownload(ctx, id);
  }

  @Query(() => [ExportJob], {
    description:
      "Your exports, newest first (`first` 1..100, default 20); `everyone` (ADMIN): every account's, the export audit.",
  })
  async exports(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('everyone', () => Boolean, { nullable: true }) everyone?: boolean,
  ) {
    return (await listExports(ctx, { first, everyone })).map(toExportJob);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The name of the user or API client that asked for it (null once that account is deleted).',
  })
  async ownerName(@Root() job: ExportJob, @Ctx() ctx: GraphQLContext): Promise<string | null> {
    const [user, client] = await Promise.all([
      ctx.loaders.user.load(job.ownerId),
      ctx.loaders.apiClient.load(job.ownerId),
    ]);
    return user?.name ?? client?.name ?? null;
  }

  @Query(() => ExportJob, { nullable: true })
  async export(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    const job = await getExport(ctx, id);
    return job ? toExportJob(job) : null;
  }
}
