import { coerceInputValue, type GraphQLSchema, isInputType } from 'graphql';
import { badInput } from '../../errors/app-error.js';
import { SAVED_VIEW_LISTS, type SavedViewList } from './saved-view-lists.js';

/**
 * Checks a view's filters or sort against the served input type of its list (TicketFilter,
 * TicketOrder), so a saved view always applies to the list query as it is. Returns the value as given.
 */
export function checkListInput(
  schema: GraphQLSchema,
  list: SavedViewList,
  part: 'filters' | 'sort',
  value: Record<string, unknown> | null | undefined,
): Record<string, unknown> | null | undefined {
  if (value == null) return value;
  const typeName = part === 'filters' ? SAVED_VIEW_LISTS[list].filterType : SAVED_VIEW_LISTS[list].sortType;
  const type = schema.getType(typeName);
  if (!type || !isInputType(type)) throw new Error(`${typeName} is not an input type of the schema`);
  const problems: string[] = [];
  coerceInputValue(value, type, (path, _invalid, error) => {
    problems.push(path.length > 0 ? `${path.join('.')}: ${error.message}` : error.message);
  });
  if (problems.length > 0) {
    throw badInput(`${part} is not a valid ${typeName}: ${problems.join('; ')}`, part);
  }
  return value;
}
