import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';

export interface PinnedPost {
  url: URL;
  /** The checked address to connect to; never looked up again. */
  address: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/**
 * POSTs over one new connection to `address` only; the Host header and the TLS server name (SNI and
 * certificate check) stay the URL's hostname. Resolves with the answer's status as soon as it
 * arrives (the body is not read); a timeout fails with an error named TimeoutError.
 */
export function postPinned({ url, address, headers, body, timeoutMs }: PinnedPost): Promise<number> {
  const family = isIP(address);
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup,
        // A fresh connection per attempt: a kept-alive socket may lead to an address checked earlier.
        agent: false,
      },
      (response) => {
        clearTimeout(timer);
        resolve(response.statusCode ?? 0);
        response.destroy();
      },
    );
    const timer = setTimeout(() => {
      const timeout = new Error(`no answer within ${timeoutMs / 1000} s`);
      timeout.name = 'TimeoutError';
      request.destroy(timeout);
    }, timeoutMs);
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(body);
  });
}
