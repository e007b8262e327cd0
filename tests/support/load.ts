// A load of concurrent clients for the reliability suite: each client reads a project's version, then
// changes it through the API as a user would (moves forward and back, edits, monthly reports,
// blockers), naming its request with x-request-id so that the audit trail can be matched to every
// answer afterwards. The ledger it returns records what each request was told.
import type { Role, Stage } from "@prisma/client";
import { STAGES } from "../../server/modules/common/stage.js";

export interface LoadClient {
  token: string;
  role: Role;
  /** An owner's unit: it changes that unit's projects (and now and then tries another's). */
  unitId: number | null;
}

export interface LoadTarget {
  id: number;
  responsibleUnitId: number;
}

/**
 * success: the change was acknowledged; refused: an expected failure as data (stale version, gate,
 * forbidden…); unavailable: the server said the database is unavailable; no-answer: the connection
 * failed or the server did not answer (the change may or may not have been made); unexpected: any
 * other answer (a GraphQL error, a 5xx, a body that is not a GraphQL response).
 */
export type Outcome = "success" | "refused" | "unavailable" | "no-answer" | "unexpected";

export interface LedgerEntry {
  requestId: string;
  operation: string;
  projectId: number;
  outcome: Outcome;
  /** The result's __typename, or the error code, or the failure's message. */
  detail: string;
  /** The version the change was made against, for changes that name one. */
  expectedVersion?: number;
}

export interface LoadOptions {
  /** The server's base URL; a function, so a restarted server on a new port can take over. */
  url: () => string;
  clients: LoadClient[];
  targets: LoadTarget[];
  /** The load stops once this returns true (checked before every request). */
  done: () => boolean;
  /** Distinguishes the request ids of several runs against one database. */
  runTag: string;
  /** A client waits this long before retrying after the server did not answer or the database was unavailable. */
  pauseAfterFailureMs?: number;
  /** Requests without an answer within this time count as no-answer (and show a hang). */
  requestTimeoutMs?: number;
  /** Where outcomes are recorded as they come, for a test that watches the run (else a new array). */
  ledger?: LedgerEntry[];
}

const gid = (id: number) => Buffer.from(`Project:${id}`).toString("base64");

const READ = `query($id: ID!) { node(id: $id) { ... on Project { version stage } } }`;

const MUTATIONS = {
  moveProject: `mutation($input: MoveProjectInput!) { moveProject(input: $input) { __typename } }`,
  updateProject: `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { __typename } }`,
  submitProgressReport: `mutation($input: SubmitProgressReportInput!) { submitProgressReport(input: $input) { __typename } }`,
  raiseBlocker: `mutation($input: RaiseBlockerInput!) { raiseBlocker(input: $input) { __typename } }`,
} as const;

type Operation = keyof typeof MUTATIONS;

/** Expected failures, answered as data. */
const REFUSALS = new Set([
  "StaleVersionError",
  "ForbiddenError",
  "GateNotMetError",
  "TransitionNotAllowedError",
  "ValidationError",
  "NotFoundError",
]);

/** The change a client makes to a project it sees at `stage` and `version`. */
function chooseChange(random: () => number, client: LoadClient, stage: Stage, version: number, projectGid: string, n: number) {
  const roll = random();
  if (roll < 0.45) {
    const index = STAGES.indexOf(stage);
    const forward = index < STAGES.length - 1 && (index === 0 || random() < 0.6);
    const to = STAGES[forward ? index + 1 : index - 1]!;
    // The office sometimes corrects the record (补录) instead of moving one step.
    const correction = client.role === "OFFICE" && random() < 0.2;
    const note = forward && !correction ? null : `可靠性测试：${correction ? "补录更正" : "退回"} ${n}`;
    return { operation: "moveProject" as Operation, input: { projectId: projectGid, to, expectedVersion: version, note, correction } };
  }
  if (roll < 0.7) {
    const input = random() < 0.5 ? { description: `可靠性测试修改 ${n}` } : { plannedCompletion: `2026-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-28` };
    return { operation: "updateProject" as Operation, input: { projectId: projectGid, expectedVersion: version, ...input } };
  }
  if (roll < 0.9) {
    const month = `2024-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}`;
    return {
      operation: "submitProgressReport" as Operation,
      input: { projectId: projectGid, month, investmentThisMonth: `${1 + Math.floor(random() * 9)}.50`, narrative: `形象进度 ${n}` },
    };
  }
  return { operation: "raiseBlocker" as Operation, input: { projectId: projectGid, kind: "APPROVAL", description: `要素保障问题 ${n}` } };
}

/** A small deterministic generator, so a client's choices differ between clients but not between runs. */
function generator(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

interface Answer {
  status: number;
  body: { data?: Record<string, { __typename?: string } | null> | null; errors?: { message?: string; extensions?: { code?: string } }[] } | null;
}

async function post(url: string, token: string, requestId: string, query: string, variables: object, timeoutMs: number): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-request-id": requestId },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let body: Answer["body"] = null;
  try {
    body = JSON.parse(text) as Answer["body"];
  } catch {
    body = null;
  }
  return { status: response.status, body };
}

/** What an answer means for the ledger. */
function classify(answer: Answer, field: string | null): { outcome: Outcome; detail: string } {
  const code = answer.body?.errors?.[0]?.extensions?.code;
  if (code === "DATABASE_UNAVAILABLE") return { outcome: "unavailable", detail: code };
  if (answer.status >= 500 || !answer.body || answer.body.errors) {
    return { outcome: "unexpected", detail: `${answer.status} ${code ?? ""} ${answer.body?.errors?.[0]?.message ?? "no GraphQL body"}` };
  }
  if (field === null) return { outcome: "success", detail: "read" };
  const typename = answer.body.data?.[field]?.__typename ?? "no result";
  if (typename.endsWith("Success")) return { outcome: "success", detail: typename };
  if (REFUSALS.has(typename)) return { outcome: "refused", detail: typename };
  return { outcome: "unexpected", detail: typename };
}

/** Runs the clients until `done()`; resolves with every request's outcome. */
export async function runLoad(options: LoadOptions): Promise<LedgerEntry[]> {
  const ledger = options.ledger ?? [];
  const pause = options.pauseAfterFailureMs ?? 200;
  const timeoutMs = options.requestTimeoutMs ?? 30_000;

  async function runClient(client: LoadClient, index: number): Promise<void> {
    const random = generator(index * 7919 + options.runTag.length * 104_729 + 1);
    const own = options.targets.filter((t) => client.unitId === null || t.responsibleUnitId === client.unitId);
    for (let n = 1; !options.done(); n++) {
      const requestId = `rel-${options.runTag}-${index}-${n}`;
      // Owners keep to their own projects, but now and then try another unit's (and are refused).
      const pool = own.length > 0 && random() < 0.95 ? own : options.targets;
      const target = pool[Math.floor(random() * pool.length)]!;
      const record = (operation: string, outcome: Outcome, detail: string, expectedVersion?: number) =>
        ledger.push({ requestId, operation, projectId: target.id, outcome, detail, expectedVersion });
      try {
        const read = await post(options.url(), client.token, `${requestId}-read`, READ, { id: gid(target.id) }, timeoutMs);
        const seen = read.body?.data?.node as { version?: number; stage?: Stage } | null | undefined;
        if (!seen?.version || !seen.stage) {
          const { outcome, detail } = classify(read, null);
          record("read", outcome === "success" ? "unexpected" : outcome, outcome === "success" ? "project not readable" : detail);
          if (outcome !== "unexpected") await new Promise((r) => setTimeout(r, pause));
          continue;
        }
        const change = chooseChange(random, client, seen.stage, seen.version, gid(target.id), n);
        const answer = await post(options.url(), client.token, requestId, MUTATIONS[change.operation], { input: change.input }, timeoutMs);
        const { outcome, detail } = classify(answer, change.operation);
        record(change.operation, outcome, detail, "expectedVersion" in change.input ? change.input.expectedVersion : undefined);
        if (outcome === "unavailable") await new Promise((r) => setTimeout(r, pause));
      } catch (error) {
        record("request", "no-answer", error instanceof Error ? `${error.name}: ${error.message}` : String(error));
        await new Promise((r) => setTimeout(r, pause));
      }
    }
  }

  await Promise.all(options.clients.map(runClient));
  return ledger;
}

/** Resolves once `condition` holds (checked every 100 ms); rejects after `timeoutMs`. */
export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A meeting point: the function it returns resolves once `parties` callers have called it. */
export function barrier(parties: number): () => Promise<void> {
  let arrived = 0;
  let release!: () => void;
  const all = new Promise<void>((resolve) => (release = resolve));
  return () => {
    arrived += 1;
    if (arrived === parties) release();
    return all;
  };
}

/** Counts of a ledger's outcomes, for messages and figures. */
export function tally(ledger: LedgerEntry[]): Record<Outcome, number> {
  const counts: Record<Outcome, number> = { success: 0, refused: 0, unavailable: 0, "no-answer": 0, unexpected: 0 };
  for (const entry of ledger) counts[entry.outcome] += 1;
  return counts;
}
