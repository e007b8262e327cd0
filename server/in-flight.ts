// The work a server has under way, so that a stop lets it finish before the database is closed: a
// restart (a deployment, systemd's SIGTERM) then answers a move that was being saved instead of
// cutting its connection, and no request runs on against a closed connection pool. Live-update
// streams are not counted: they last as long as their client listens.

export interface InFlight {
  /** Counts `work` until it settles (whether it succeeds or fails). */
  add(work: Promise<unknown>): void;
  /** Resolves once nothing is under way (true), or after `graceMs` with work still going (false). */
  settled(graceMs: number): Promise<boolean>;
}

export function inFlight(): InFlight {
  let count = 0;
  const waiting = new Set<() => void>();
  return {
    add(work) {
      count += 1;
      const done = () => {
        count -= 1;
        if (count === 0) for (const wake of waiting) wake();
      };
      work.then(done, done);
    },
    settled(graceMs) {
      if (count === 0) return Promise.resolve(true);
      return new Promise((resolve) => {
        const finish = (finished: boolean) => {
          clearTimeout(timer);
          waiting.delete(wake);
          resolve(finished);
        };
        const wake = () => finish(true);
        const timer = setTimeout(() => finish(false), graceMs);
        waiting.add(wake);
      });
    },
  };
}
