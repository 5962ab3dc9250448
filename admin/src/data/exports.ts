import { gql } from '../graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '../graphql/graphql';

const ExportJobFields = graphql(`fragment ExportJobFields on ExportJob {
  id source format status parameters rowsDone rowsTotal bytes fileName error ownerId ownerName createdAt finishedAt expiresAt
}`);

const CreateExportMutation = graphql(
  `mutation CreateExport($input: ExportInput!) { createExport(input: $input) { ...ExportJobFields } }`,
  [ExportJobFields],
);
const ExportQuery = graphql(`query Export($id: ID!) { export(id: $id) { ...ExportJobFields } }`, [
  ExportJobFields,
]);
const ExportsQuery = graphql(
  `query Exports($first: Int, $everyone: Boolean) { exports(first: $first, everyone: $everyone) { ...ExportJobFields } }`,
  [ExportJobFields],
);
const DownloadMutation = graphql(
  `mutation CreateExportDownload($id: ID!) { createExportDownload(id: $id) { url expiresAt } }`,
);

export type ExportJob = ResultOf<typeof ExportJobFields>;
export type ExportInput = VariablesOf<typeof CreateExportMutation>['input'];

/** Starts an export: small ones come back DONE, larger ones QUEUED (poll getExport). */
export async function createExport(input: ExportInput): Promise<ExportJob> {
  return (await gql(CreateExportMutation, { input })).createExport;
}

export async function getExport(id: string): Promise<ExportJob | null> {
  return (await gql(ExportQuery, { id })).export;
}

/** The viewer's exports, newest first; `everyone` (ADMIN): every account's. */
export async function listExports(everyone = false): Promise<ExportJob[]> {
  return (await gql(ExportsQuery, { first: 100, everyone })).exports;
}

/** A one-time link (a path on the API) to one of the viewer's finished exports. */
export async function createExportDownload(id: string): Promise<string> {
  return (await gql(DownloadMutation, { id })).createExportDownload.url;
}
