// Caching of the bottleneck review's dearest figures: the funnel, the cumulative flow and the cycle
// times (each reads the whole stage history of the scope), the investment against 序时进度 and the
// overdue milestones. The history figures depend on asOf only through two sets: the transitions at or
// before asOf, and the projects not archived by it; the investment also through the monthly reports
// reported by asOf and asOf's China month (part of its key), the overdue milestones through asOf's
// China day (part of their key) and the projects registered and not archived by asOf. These sets are
// the same for every asOf between two consecutive "events" (a transition's instant, an archiving
// instant, a report's instant), so a figure read as of asOf is the answer for every instant of [the
// last event at or before asOf, the first event after it): for a page opened "now", from the last move
// until the next. The stuck list and the blockers are not kept: their days in stage and ages change
// with every instant.
//
// Writes are caught by the record's fingerprint (audit/fingerprint.ts: the audit chain's head), as
// the board cache does: a move, an intake, an archiving, a completed milestone, a monthly report, a
// raised blocker, every change appends an audit event in the transaction that makes it. The
// fingerprint is read before the figures, so a figure is never filed under a fingerprint newer than
// its data: after a write the next request reads a new fingerprint and reads the history again. The
// office's thresholds do not enter the figures kept here (only the stuck list and the lights, read
// afresh).
import type { Database, SqlRunner } from "../../db/client.js";
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

/**
 * The events around asOf: the last transition or archiving (and, with `reports`, monthly report) at or
 * before it and the first after it, of any project: a narrower interval than the scope's own, never a
 * wider one. The timestamp columns hold milliseconds, as asOf does.
 */
export async function validityAround(sql: SqlRunner, asOf: Date, options: { reports: boolean }): Promise<Validity> {
  const tables: [string, string][] = [["stage_transition", "at"], ["project", "archived_at"]];
  if (options.reports) tables.push(["progress_report", "reported_at"]);
  // Columns rather than an array: PGlite (0.3) reads a NULL in a text array as the string "NULL".
  const columns = tables.map(
    ([table, column], i) =>
      `(SELECT floor(extract(epoch FROM max(${column})) * 1000)::text FROM ${table} WHERE ${column} <= $1::timestamp) AS before_${i},
       (SELECT floor(extract(epoch FROM min(${column})) * 1000)::text FROM ${table} WHERE ${column} > $1::timestamp) AS after_${i}`,
  );
  const [row] = await sql.query<Record<string, string | null>>(`SELECT ${columns.join(", ")}`, [asOf.toISOString()]);
  const bounds = tables.flatMap((_, i) => [row?.[`before_${i}`] ?? null, row?.[`after_${i}`] ?? null]);
  let from = -Infinity;
  let until = Infinity;
  for (let i = 0; i < bounds.length; i += 2) {
    if (bounds[i] != null) from = Math.max(from, Number(bounds[i]));
    if (bounds[i + 1] != null) until = Math.min(until, Number(bounds[i + 1]));
  }
  return { from, until };
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
