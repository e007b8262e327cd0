// Each session (signed in, signed out) gets its own urql client, so nothing cached for one user
// is ever shown to the next one on the same browser.
import { createContext, Fragment, use, useCallback, useMemo, useState, type ReactNode } from "react";
import { Provider } from "urql";
import { createUrqlClient } from "./client";

interface Session {
  /** Drops the cache and asks the server again who is signed in (after login, logout, expiry). */
  resetSession: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [generation, setGeneration] = useState(0);
  const resetSession = useCallback(() => setGeneration((n) => n + 1), []);
  // A new generation means a new client (and an empty cache).
  const client = useMemo(
    () => createUrqlClient({ onUnauthenticated: resetSession }),
    [generation, resetSession],
  );
  const session = useMemo(() => ({ resetSession }), [resetSession]);
  return (
    <SessionContext value={session}>
      <Provider value={client}>
        {/* Remount everything too: hooks must not show the last session's data while the new one loads. */}
        <Fragment key={generation}>{children}</Fragment>
      </Provider>
    </SessionContext>
  );
}

export function useSession(): Session {
  const session = use(SessionContext);
  if (!session) throw new Error("useSession must be used inside <SessionProvider>");
  return session;
}
