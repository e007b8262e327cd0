// Caching of the bottleneck review's history figures: the funnel, the cumulative flow and the cycle
// times. They are the review's dearest statements (each reads the whole stage history of the scope)
// and they depend on asOf only through two sets: the transitions at or before asOf, and the projects
// not archived by it. Both sets are the same for every asOf between two consecutive "events" (a
// transition's instant, an archiving instant), so a figure read as of asOf is the answer for every
// instant of [the last event at or before asOf, the first event after it): for a page opened "now",
// from the last move until the next.
//
// Writes are caught by a fingerprint of the projects (their count and the sum of their versions), as
// the board cache does: a move, an intake, an archiving and a change of action, sub-task or unit all
// change a project row in the transaction that makes them, and every change to a project raises its
// version (recordChange), or adds a project. The fingerprint is read before the figures, so a figure is
// never filed under a fingerprint newer than its data: after a write the next request reads a new
// fingerprint and reads the history again. Milestones, blockers, reports, plans and settings do not
// enter these figures (the rest of the review is read afresh on every request).
import type { SqlRunner } from "../../db/client.js";
import type { Database } from "../../db/client.js";
import type { BottleneckScope } from "./service.js";

const MAX_ENTRIES = 300;

/** The instants (epoch ms) between which a figure read as of asOf holds: [from, until). */
export interface Validity {
  from: number;
  until: number;
}

interface Entry {
  fingerprint: string;
  validity: Validity;
  value: unknown;
}

/** Count and version sum of every project: changes with every write that can change a history figure. */
export async function historyFingerprint(sql: SqlRunner): Promise<string> {
  const [row] = await sql.query<{ projects: string; versions: string | null }>(
    `SELECT count(*)::text AS projects, sum(version)::text AS versions FROM project`,
  );
  return `${row?.projects ?? 0}:${row?.versions ?? 0}`;
}

/**
 * The events around asOf: the last transition or archiving at or before it and the first after it
 * (of any project: a narrower interval than the scope's own, never a wider one). The timestamp
 * columns hold milliseconds, as asOf does.
 */
export async function validityAround(sql: SqlRunner, asOf: Date): Promise<Validity> {
  const [row] = await sql.query<{ from_t: string | null; until_t: string | null; from_a: string | null; until_a: string | null }>(
    `SELECT (SELECT floor(extract(epoch FROM max(at)) * 1000)::text FROM stage_transition WHERE at <= $1::timestamp) AS from_t,
            (SELECT floor(extract(epoch FROM min(at)) * 1000)::text FROM stage_transition WHERE at > $1::timestamp) AS until_t,
            (SELECT floor(extract(epoch FROM max(archived_at)) * 1000)::text FROM project WHERE archived_at <= $1::timestamp) AS from_a,
            (SELECT floor(extract(epoch FROM min(archived_at)) * 1000)::text FROM project WHERE archived_at > $1::timestamp) AS until_a`,
    [asOf.toISOString()],
  );
  const num = (text: string | null | undefined, none: number) => (text == null ? none : Number(text));
  return {
    from: Math.max(num(row?.from_t, -Infinity), num(row?.from_a, -Infinity)),
    until: Math.min(num(row?.until_t, Infinity), num(row?.until_a, Infinity)),
  };
}

export class HistoryCache {
  private readonly entries = new Map<string, Entry>();
  /** Reads in flight, so that many requests arriving together read the history once. */
  private readonly pending = new Map<string, { fingerprint: string; promise: Promise<Entry> }>();

  /**
   * The figure `part` of the scope as of scope.asOf: from the cache when read under the same
   * fingerprint for an instant with the same history, else by `read` (and then kept).
   */
  async get<T>(
    part: string,
    scope: BottleneckScope,
    fingerprint: string,
    validity: () => Promise<Validity>,
    read: () => Promise<T>,
  ): Promise<T> {
    const key = JSON.stringify([part, scope.actionId ?? null, scope.subTaskId ?? null, scope.unitId ?? null]);
    const at = scope.asOf.getTime();
    const holds = (entry: Entry) => entry.fingerprint === fingerprint && entry.validity.from <= at && at < entry.validity.until;
    const cached = this.entries.get(key);
    if (cached && holds(cached)) {
      // Most recently used last: the oldest entries go first when the cache is full.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached.value as T;
    }
    const inFlight = this.pending.get(key);
    if (inFlight?.fingerprint === fingerprint) {
      const entry = await inFlight.promise.catch(() => null);
      if (entry && holds(entry)) return entry.value as T;
    }
    // Both come after the fingerprint (see the file's comment); the validity after the figure, so that
    // a transition written meanwhile can only narrow the interval.
    const promise = (async (): Promise<Entry> => {
      const value = await read();
      return { fingerprint, validity: await validity(), value };
    })();
    this.pending.set(key, { fingerprint, promise });
    try {
      const entry = await promise;
      this.entries.delete(key);
      this.entries.set(key, entry);
      if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      return entry.value as T;
    } finally {
      if (this.pending.get(key)?.promise === promise) this.pending.delete(key);
    }
  }
}

const caches = new WeakMap<Database, HistoryCache>();

/** One cache per database (a process may serve several, as the tests do). */
export function historyCacheOf(db: Database): HistoryCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new HistoryCache();
    caches.set(db, cache);
  }
  return cache;
}
