import { create } from 'zustand';
import { fetchMe, login, logout, register, type Credentials, type User } from '../api/auth';

interface AuthState {
  user: User | null;
  /** True until the first `GET /api/auth/me` answers. */
  loading: boolean;
  load: () => Promise<void>;
  signIn: (c: Credentials) => Promise<void>;
  signUp: (c: Credentials) => Promise<void>;
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
    await register(c);
    let user = await fetchMe();
    // A server that registers without a session still lets the new user sign in.
    if (!user) {
      await login(c);
      user = await fetchMe();
    }
    set({ user });
  },
  signOut: async () => {
    await logout().catch(() => undefined);
    set({ user: null });
  },
}));
