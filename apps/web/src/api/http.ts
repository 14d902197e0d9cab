/** An error answered by the API: `{"error":{"code","message","details?"}}`, or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The double-submit CSRF token the server leaves in the readable `tl_csrf` cookie. */
function csrfToken(): string {
  const match = /(?:^|;\s*)tl_csrf=([^;]+)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]!) : '';
}

interface RequestOptions {
  /** A body sent as is (already JSON text, e.g. an imported file). */
  rawJson?: string;
  signal?: AbortSignal;
}

async function errorOf(res: Response): Promise<ApiError> {
  let code = `http_${res.status}`;
  let message = res.statusText || `request failed with status ${res.status}`;
  let details: unknown;
  try {
    const body = (await res.json()) as {
      error?: { code?: string; message?: string; details?: unknown };
    };
    if (body.error) {
      code = body.error.code ?? code;
      message = body.error.message ?? message;
      details = body.error.details;
    }
  } catch {
    // Not JSON (a proxy error page): keep the status text.
  }
  return new ApiError(res.status, code, message, details);
}

/** Sends a request to the same-origin API, with the CSRF header on writes; throws ApiError. */
export async function request(
  method: string,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET' && method !== 'HEAD') headers['X-CSRF-Token'] = csrfToken();
  let payload: string | undefined;
  if (options.rawJson !== undefined) payload = options.rawJson;
  else if (body !== undefined) payload = JSON.stringify(body);
  if (payload !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: payload,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(
      0,
      'network',
      'The server cannot be reached. Check your connection and try again.',
    );
  }
  if (!res.ok) throw await errorOf(res);
  return res;
}

/** A JSON request; resolves to the parsed body (undefined for 204). */
export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  options?: RequestOptions,
): Promise<T> {
  const res = await request(method, path, body, options);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
