import { gql } from '../graphql/client';
import { graphql, type ResultOf, type VariablesOf } from '../graphql/graphql';

const SavedViewFields = graphql(`fragment SavedViewFields on SavedView {
  id name list filters sort columns visibility mine owner { id name } department { id name }
}`);

const SavedViewsQuery = graphql(
  `query SavedViews($list: SavedViewList!) { savedViews(list: $list) { ...SavedViewFields } }`,
  [SavedViewFields],
);
const SaveViewMutation = graphql(
  `mutation SaveView($input: SavedViewInput!) { saveView(input: $input) { ...SavedViewFields } }`,
  [SavedViewFields],
);
const UpdateViewMutation = graphql(
  `mutation UpdateView($id: ID!, $changes: SavedViewChangesInput!) { updateView(id: $id, changes: $changes) { ...SavedViewFields } }`,
  [SavedViewFields],
);
const RenameViewMutation = graphql(
  `mutation RenameView($id: ID!, $name: String!) { renameView(id: $id, name: $name) { ...SavedViewFields } }`,
  [SavedViewFields],
);
const DeleteViewMutation = graphql(`mutation DeleteView($id: ID!) { deleteView(id: $id) }`);

export type SavedViewRow = ResultOf<typeof SavedViewFields>;
export type SavedViewInput = VariablesOf<typeof SaveViewMutation>['input'];
export type SavedViewChanges = VariablesOf<typeof UpdateViewMutation>['changes'];

/** The viewer's views of the ticket list and those shared with it. */
export async function listSavedViews(): Promise<SavedViewRow[]> {
  return (await gql(SavedViewsQuery, { list: 'TICKETS' })).savedViews;
}

export async function saveView(input: SavedViewInput): Promise<SavedViewRow> {
  return (await gql(SaveViewMutation, { input })).saveView;
}

export async function updateView(id: string, changes: SavedViewChanges): Promise<SavedViewRow> {
  return (await gql(UpdateViewMutation, { id, changes })).updateView;
}

export async function renameView(id: string, name: string): Promise<SavedViewRow> {
  return (await gql(RenameViewMutation, { id, name })).renameView;
}

export async function deleteView(id: string): Promise<string> {
  return (await gql(DeleteViewMutation, { id })).deleteView;
}
