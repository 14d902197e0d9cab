import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

/** Express' compiled `trust proxy` setting: is the address `hop` steps back a proxy we trust? */
export type TrustProxyFn = (address: string, hop: number) => boolean;

export interface OriginPolicy {
  /**
   * Why a request carrying this Origin header must be refused, or undefined
   * when it may proceed. No Origin header is allowed: browsers send one on
   * every cross-origin request and every WebSocket handshake, so its absence
   * means a same-origin page or a non-browser client.
   */
  refusal(origin: string | undefined, req: IncomingMessage): string | undefined;
  /** The origin a browser request must carry, or undefined when none can (no usable Host). */
  expectedOrigin(req: IncomingMessage): string | undefined;
  /** One line for the start-up log: which origin browsers must use. */
  readonly description: string;
}

const first = (header: string | string[] | undefined) =>
  (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim();

/**
 * The scheme the browser used, exactly as Express' `req.protocol` finds it:
 * the connection's own, or the first X-Forwarded-Proto entry when the peer is
 * a trusted proxy.
 */
function schemeOf(req: IncomingMessage, trust: TrustProxyFn): string {
  const own = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
  if (!trust(req.socket.remoteAddress ?? '', 0)) return own;
  return first(req.headers['x-forwarded-proto'])?.toLowerCase() || own;
}

/**
 * The one origin rule of the server, used by the REST CSRF check
 * (http/csrf.ts) and the socket.io handshake (realtime/authenticate-socket.ts)
 * so the two always agree. A browser's Origin must equal, scheme included:
 *
 * - `PUBLIC_ORIGIN` when it is set (a proxy that rewrites Host or terminates TLS);
 * - otherwise scheme://Host of the request, the scheme from X-Forwarded-Proto
 *   only when `TRUST_PROXY` trusts the peer.
 *
 * The literal origin `null` (sandboxed frames, file: pages) never matches.
 */
export function createOriginPolicy(options: {
  publicOrigin?: string;
  trust: TrustProxyFn;
  /** Whether TRUST_PROXY is set, for the description only. */
  trustsProxies: boolean;
}): OriginPolicy {
  const publicOrigin = options.publicOrigin && new URL(options.publicOrigin).origin;
  const expectedOrigin = (req: IncomingMessage): string | undefined => {
    if (publicOrigin) return publicOrigin;
    const scheme = schemeOf(req, options.trust);
    const host = req.headers.host;
    if ((scheme !== 'http' && scheme !== 'https') || !host) return undefined;
    try {
      const origin = new URL(`${scheme}://${host}`).origin;
      return origin === 'null' ? undefined : origin;
    } catch {
      return undefined;
    }
  };
  const description = publicOrigin
    ? `browsers must use ${publicOrigin} (PUBLIC_ORIGIN)`
    : options.trustsProxies
      ? 'browsers must use <scheme>://<Host header>, the scheme from X-Forwarded-Proto of a trusted proxy (TRUST_PROXY); set PUBLIC_ORIGIN if the proxy rewrites Host'
      : 'browsers must use http://<Host header>; behind a TLS-terminating proxy set PUBLIC_ORIGIN=https://… (or TRUST_PROXY so X-Forwarded-Proto counts)';
  return {
    expectedOrigin,
    description,
    refusal(origin, req) {
      if (origin === undefined) return undefined;
      const expected = expectedOrigin(req);
      // Browsers send the serialised origin (lower case, no default port), which is what `expected` is.
      if (expected !== undefined && origin === expected) return undefined;
      return `origin ${origin} is not allowed: ${
        expected ? `this server expects ${expected}` : 'this request has no usable Host'
      }${publicOrigin ? ' (PUBLIC_ORIGIN)' : '; behind a proxy set PUBLIC_ORIGIN'}`;
    },
  };
}
