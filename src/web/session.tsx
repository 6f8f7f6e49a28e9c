import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { api, setCsrfToken } from './api.js';
import type { User } from './types.js';

interface SessionState {
  /** undefined while the first GET /api/auth/session is on its way. */
  user: User | null | undefined;
  signedIn: (user: User, csrfToken: string) => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  useEffect(() => {
    api
      .session()
      .then((session) => {
        setCsrfToken(session.csrfToken);
        setUser(session.user);
      })
      .catch(() => setUser(null));
  }, []);
  const signedIn = useCallback((next: User, csrfToken: string) => {
    setCsrfToken(csrfToken);
    setUser(next);
  }, []);
  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } finally {
      setCsrfToken(null);
      setUser(null);
    }
  }, []);
  return (
    <SessionContext.Provider value={{ user, signedIn, signOut }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
