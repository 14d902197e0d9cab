import { create } from 'zustand';
import {
  confirmRegistration,
  fetchMe,
  login,
  logout,
  register,
  type Credentials,
  type User,
} from '../api/auth';
import { ApiError } from '../api/http';

interface AuthState {
  user: User | null;
  /** True until the first `GET /api/auth/me` answers. */
  loading: boolean;
  load: () => Promise<void>;
  signIn: (c: Credentials) => Promise<void>;
  /** Resolves `confirm_email` when the server mailed a link instead of signing in. */
  signUp: (c: Credentials) => Promise<'signed_in' | 'confirm_email'>;
  /** Follows an e-mail confirmation link; resolves the id of the model it joined, if any. */
  confirm: (token: string) => Promise<string | null>;
  signOut: () => Promise<void>;
}

export const useAuth = create<AuthState>()((set) => ({
  user: null,
  loading: true,
  load: async () => set({ user: await fetchMe(), loading: false }),
  signIn: async (c) => {
    await login(c);
    // The session cookie is what the socket uses; re-read the account the server now sees.
    set({ user: (await fetchMe()) ?? null });
  },
  signUp: async (c) => {
    const registration = await register(c);
    if (registration.user === null && registration.status === 'confirm_email')
      return 'confirm_email';
    let user = await fetchMe();
    // The server answers every address alike and signs in only the first account: sign in now.
    if (!user) {
      try {
        await login(c);
      } catch (err) {
        if (err instanceof ApiError && err.code === 'invalid_credentials')
          throw new Error(
            'You could not be signed in. If this address already has an account, sign in with its password.',
          );
        throw err;
      }
      user = await fetchMe();
    }
    set({ user });
    return 'signed_in';
  },
  confirm: async (token) => {
    const { user, invitation } = await confirmRegistration(token);
    set({ user: (await fetchMe()) ?? user });
    return invitation?.modelId ?? null;
  },
  signOut: async () => {
    await logout().catch(() => undefined);
    set({ user: null });
  },
}));
