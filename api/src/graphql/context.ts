import type { LoginThrottle } from '../auth/login-throttle.js';
import type { TokenSigner } from '../auth/tokens.js';
import type { ServiceContext } from '../context.js';
import type { AttachmentSettings } from '../modules/attachments/attachment-settings.js';
import type { Loaders } from './loaders.js';

/** The per-request GraphQL context: the service context plus batching loaders. */
export interface GraphQLContext extends ServiceContext {
  loaders: Loaders;
  signer: TokenSigner;
  requestId: string;
  /** Sign-in throttling; null when limits are off (benchmarks). */
  loginThrottle?: LoginThrottle | null;
  /** The HTTP client's address (through TRUST_PROXY proxies). */
  clientAddress?: string;
  /** Queues a large export for the workers (absent where no queue is configured). */
  enqueueExport?: (exportId: string) => Promise<void>;
  /** Storage, limits and link key of attachments. */
  attachments?: AttachmentSettings;
  /** EXPORT_DIRECT_MAX_ROWS: larger exports go to the workers. */
  exportDirectMaxRows?: number;
}
