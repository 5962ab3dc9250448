import {
  type ASTVisitor,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { QueryTooComplex } from './limits.js';

/**
 * Root mutation fields that hash or check a password (about 200 ms and 16 MiB each). An operation
 * holding one of them holds nothing else: 100 aliased `login`s in one request would be 100
 * password checks behind one rate-limit point.
 */
const PASSWORD_FIELDS: ReadonlySet<string> = new Set([
  'login',
  'changePassword',
  'resetPassword',
  'createUser',
]);

/** The response keys of an operation's root fields, through fragments and inline fragments. */
function rootResponseKeys(
  context: ValidationContext,
  selectionSet: SelectionSetNode,
  keys: Map<string, string>,
  seenFragments: Set<string>,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') {
        keys.set(selection.alias?.value ?? selection.name.value, selection.name.value);
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      rootResponseKeys(context, selection.selectionSet, keys, seenFragments);
    } else if (!seenFragments.has(selection.name.value)) {
      seenFragments.add(selection.name.value);
      const fragment = context.getFragment(selection.name.value);
      if (fragment) rootResponseKeys(context, fragment.selectionSet, keys, seenFragments);
    }
  }
}

/**
 * Refuses, before anything runs, a mutation with a password field beside any other root field
 * (another alias of it included) with QUERY_TOO_COMPLEX. Fields under one response key run once,
 * so `login` repeated without an alias is one field.
 */
export const onePasswordFieldRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  OperationDefinition(operation) {
    if (operation.operation !== 'mutation') return false;
    const keys = new Map<string, string>();
    rootResponseKeys(context, operation.selectionSet, keys, new Set());
    const passwordField = [...keys.values()].find((name) => PASSWORD_FIELDS.has(name));
    if (passwordField && keys.size > 1) {
      const message = `${passwordField} must be the only field of its operation (one password check per request)`;
      context.reportError(
        new GraphQLError(message, { nodes: [operation], originalError: new QueryTooComplex(message) }),
      );
    }
    return false;
  },
});
