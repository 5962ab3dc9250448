import type { TokenSigner } from '../auth/tokens.js';
import type { ServiceContext } from '../context.js';
import type { Loaders } from './loaders.js';

/** The per-request GraphQL context: the service context plus batching loaders. */
export interface GraphQLContext extends ServiceContext {
  loaders: Loaders;
  signer: TokenSigner;
  requestId: string;
}
