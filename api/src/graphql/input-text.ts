import type { ApolloServerPlugin } from '@apollo/server';
import { type ASTNode, BREAK, GraphQLError, Kind, visit } from 'graphql';
import { forbiddenCharacter } from '../domain/control-characters.js';

function refuse(field: string, character: string): GraphQLError {
  return new GraphQLError(`${field} contains a control character (${character})`, {
    extensions: { code: 'BAD_USER_INPUT', field, http: { status: 400 } },
  });
}

/** The first string in a variable's value holding a forbidden character, with its path. */
function findInValue(value: unknown, path: string): [string, string] | null {
  if (typeof value === 'string') {
    const character = forbiddenCharacter(value);
    return character ? [path, character] : null;
  }
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    const found = findInValue(item, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

/** The first string literal in the document holding a forbidden character, named by its argument. */
function findInDocument(document: ASTNode): [string, string] | null {
  let found: [string, string] | null = null;
  visit(document, {
    StringValue(node, _key, parent, _path, ancestors) {
      const character = forbiddenCharacter(node.value);
      if (!character) return;
      // `ancestors` stops above the parent; the argument or object field may be the parent itself.
      const names = [...ancestors, parent]
        .filter((ancestor): ancestor is ASTNode => Boolean(ancestor) && 'kind' in (ancestor as object))
        .filter((ancestor) => ancestor.kind === Kind.ARGUMENT || ancestor.kind === Kind.OBJECT_FIELD)
        .map((ancestor) => ('name' in ancestor && ancestor.name ? ancestor.name.value : ''));
      found = [names.join('.') || 'input', character];
      return BREAK;
    },
  });
  return found;
}

/**
 * Refuses control characters (see domain/control-characters.ts) in every string a request carries,
 * variables and literals alike, before anything executes: NUL would otherwise reach PostgreSQL as a
 * statement error (logged with its parameters) instead of answering BAD_USER_INPUT.
 */
export function inputTextPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const variables = Object.entries(request.variables ?? {});
          const inVariables = variables.map(([name, value]) => findInValue(value, `$${name}`)).find(Boolean);
          const problem = inVariables ?? findInDocument(document);
          if (problem) throw refuse(...problem);
        },
      };
    },
  };
}
