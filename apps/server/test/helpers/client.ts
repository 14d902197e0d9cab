/* eslint-disable @typescript-eslint/no-explicit-any -- test client: replies are inspected field by field */
/** A tiny HTTP client with a cookie jar that behaves like a browser page of our own origin. */
export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

export interface RequestOptions {
  body?: unknown;
  /** Raw body text (sent as application/json unless headers say otherwise). */
  raw?: string;
  /** Raw body bytes (sent as application/json unless headers say otherwise). */
  bytes?: Uint8Array;
  headers?: Record<string, string>;
  /** Leave out the X-CSRF-Token header a page would send. */
  noCsrf?: boolean;
}

let counter = 0;
/** A unique email per call, so suites never collide. */
export const uniqueEmail = (tag = 'user') =>
  `${tag}-${Date.now().toString(36)}-${(counter++).toString(36)}@example.test`;
export const PASSWORD = 'correct horse battery';

export class Client {
  readonly cookies = new Map<string, string>();
  token?: string;
  user?: { id: string; email: string; name: string; isAdmin: boolean };

  constructor(readonly base: string) {}

  /** A client that authenticates with a Bearer token only (no cookies). */
  static withToken(base: string, token: string): Client {
    const c = new Client(base);
    c.token = token;
    return c;
  }

  async request<T = any>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined || options.raw !== undefined || options.bytes !== undefined)
      headers['content-type'] ??= 'application/json';
    if (this.cookies.size > 0)
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.cookies.get('tl_csrf');
    if (csrf && !options.noCsrf && method !== 'GET') headers['x-csrf-token'] ??= csrf;
    if (this.token) headers.authorization ??= `Bearer ${this.token}`;
    const res = await fetch(this.base + path, {
      method,
      headers,
      body:
        options.bytes ??
        options.raw ??
        (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => /expires=thu, 01 jan 1970/i.test(a.trim()));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    let body: any = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body, headers: res.headers, text };
  }

  get = <T = any>(path: string, o?: RequestOptions) => this.request<T>('GET', path, o);
  post = <T = any>(path: string, body?: unknown, o?: RequestOptions) =>
    this.request<T>('POST', path, { ...o, body });
  put = <T = any>(path: string, body?: unknown, o?: RequestOptions) =>
    this.request<T>('PUT', path, { ...o, body });
  patch = <T = any>(path: string, body?: unknown, o?: RequestOptions) =>
    this.request<T>('PATCH', path, { ...o, body });
  delete = <T = any>(path: string, o?: RequestOptions) => this.request<T>('DELETE', path, o);

  /**
   * Registers a new account and signs in. The instance's first account is
   * signed in by the registration itself; later ones answer 202 (the same for
   * taken and free addresses) and sign in with the password, as the web app does.
   */
  async register(
    email = uniqueEmail(),
    name = '',
    extra: { invitation?: string } = {},
  ): Promise<this> {
    // A page first loads something from the server and gets its tl_csrf cookie.
    await this.get('/api/auth/me');
    const res = await this.post('/api/auth/register', {
      email,
      password: PASSWORD,
      ...(name ? { name } : {}),
      ...extra,
    });
    if (res.status === 201) {
      this.user = res.body.user;
      return this;
    }
    if (res.status !== 202) throw new Error(`register failed: ${res.status} ${res.text}`);
    const login = await this.post('/api/auth/login', { email, password: PASSWORD });
    if (login.status !== 200)
      throw new Error(`login after register failed: ${login.status} ${login.text}`);
    this.user = login.body.user;
    return this;
  }
}

/** A signed-in client. */
export const signedIn = (base: string, name = '') =>
  new Client(base).register(uniqueEmail(name || 'user'), name);

/** The secret of an invitation link (`…/#/invite/<token>`). */
export const tokenOf = (link: string): string => link.split('/#/invite/')[1]!;

/**
 * Shares a model with another signed-in client: the owner invites its address
 * (202, the same for any address) and the member accepts the link.
 */
export async function shareWith(
  owner: Client,
  modelId: string,
  member: Client,
  role: string,
): Promise<void> {
  const invited = await owner.post(`/api/models/${modelId}/members`, {
    email: member.user!.email,
    role,
  });
  if (invited.status !== 202) throw new Error(`share failed: ${invited.status} ${invited.text}`);
  const accepted = await member.post(`/api/invitations/${tokenOf(invited.body.link)}/accept`);
  if (accepted.status !== 200)
    throw new Error(`accept failed: ${accepted.status} ${accepted.text}`);
}
