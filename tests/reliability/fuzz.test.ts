// Bad input (fast-check): random and malformed GraphQL documents, variables and inputs (wrong types,
// huge strings, invalid IDs, negative money, dates far off, unicode edge cases). The server never
// answers 5xx or crashes, always answers a GraphQL response with a clear error (a message and a
// code, or an error member of the mutation's result union), and refused input changes nothing.
// The seed is fixed in CI (TUIJIN_FUZZ_SEED overrides it) and printed.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordFigures } from "../support/figures.js";
import { completeAllGates, makeProject } from "../support/projects.js";
import { fingerprint } from "../support/records.js";
import { startTestServer, type TestServer } from "../support/server.js";

const SEED = Number(process.env.TUIJIN_FUZZ_SEED) || (process.env.CI === "true" ? 20_261_129 : Math.floor(Math.random() * 2 ** 31));
/** npm run chaos runs more cases (TUIJIN_FUZZ_SCALE). */
const SCALE = Number(process.env.TUIJIN_FUZZ_SCALE) || 1;
const runs = (n: number) => Math.round(n * SCALE);

console.log(`[tuijin] fuzz seed ${SEED} (TUIJIN_FUZZ_SEED=${SEED} repeats this run)`);

let server: TestServer;
let office: string;
let sent = 0;
const gid = (type: string, id: number | string) => Buffer.from(`${type}:${id}`).toString("base64");

interface Answer {
  status: number;
  body: unknown;
}

async function send(body: string, token = office): Promise<Answer> {
  sent += 1;
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", authorization: `Bearer ${token}` },
    body,
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = `not JSON: ${text.slice(0, 200)}`;
  }
  return { status: response.status, body: parsed };
}

type Result = { data?: Record<string, { __typename?: string; message?: string } | null> | null; errors?: { message?: unknown; extensions?: { code?: unknown } }[] };

/**
 * What a GraphQL response says, in one word and a detail: `error:<code>` (GraphQL errors, each with
 * a message and a code), `refused:<type>` (the mutation's result union answered an error),
 * `data` (a plain answer), `accepted:<type>`, or `unclear:…` for anything else.
 */
function verdict(answer: Answer, field?: string): string {
  if (answer.status >= 500) return `unclear:status ${answer.status}`;
  const results = (Array.isArray(answer.body) ? answer.body : [answer.body]) as Result[];
  if (results.length === 0) return "unclear:empty batch answer";
  const verdicts = results.map((result) => {
    if (typeof result !== "object" || result === null) return `unclear:${String(result).slice(0, 200)}`;
    if (result.errors) {
      const unclear = result.errors.find(
        (e) => typeof e.message !== "string" || !e.message || typeof e.extensions?.code !== "string" || e.extensions.code === "INTERNAL_SERVER_ERROR",
      );
      return unclear ? `unclear:${JSON.stringify(unclear)}` : `error:${String(result.errors[0]!.extensions!.code)}`;
    }
    if (!result.data) return `unclear:${JSON.stringify(result).slice(0, 200)}`;
    if (!field) return "data";
    const typename = result.data[field]?.__typename ?? "";
    if (typename.endsWith("Error") && typeof result.data[field]?.message === "string") return `refused:${typename}`;
    return `accepted:${typename}`;
  });
  return verdicts.find((v) => v.startsWith("unclear") || v.startsWith("accepted")) ?? verdicts[0]!;
}

// ---------------------------------------------------------------------------------------------
// The operations under attack, each with an input that would succeed as it is

interface Target {
  field: string;
  document: string;
  /** An input that succeeds as it is (checked at the end): only the corrupted field makes it fail. */
  input: () => Record<string, unknown>;
  /** The input's fields and what is wrong for each. */
  fields: Record<string, fc.Arbitrary<unknown>>;
  /** The fields the input type requires. */
  required: string[];
}

const mutation = (field: string, inputType: string) =>
  `mutation($input: ${inputType}!) { ${field}(input: $input) { __typename ... on Error { message } } }`;

// Bad values, by kind.
const huge = fc.integer({ min: 2001, max: 200_000 }).chain((n) => fc.constantFrom("字".repeat(n), "a".repeat(n), "😀".repeat(n)));
const badUnicode = fc.constantFrom("\u0000", "a\u0000b", "\uD800", "x\uDFFFy", "\uDBFF\uDBFF", "名称\u0000");
/** Anything but a string (or null): wrong for every text, enum and date. */
// Values of a wrong type as they reach the server: JSON carries NaN and ±Infinity as null, which for
// an optional field is no value at all, not a wrong one.
const wrongScalar = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant([]), fc.constant({}), fc.jsonValue().filter((v) => v !== null && typeof v !== "string"));
const weirdText = fc.constantFrom("", " ", "\u200B", "\u202Eevil", "ＡＢＣ", "١٢٣", "e\u0301", "🏗️", "null", "undefined", "' OR 1=1 --", "<script>");
const badId = fc.oneof(
  fc.constantFrom(
    "",
    "Project",
    gid("Project", "abc"),
    gid("Project", -1),
    gid("Project", 0),
    gid("Project", "1.5"),
    gid("Project", "99999999999999999999"),
    gid("Project", 2 ** 31),
    gid("Project", "1e3"),
    gid("Nope", 1),
    gid("Project", "１"),
    gid("Project", "1\u0000"),
    "UHJvamVjdDo=",
    "%%%",
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.base64String({ maxLength: 40 }),
  weirdText,
  badUnicode,
  wrongScalar,
);
const missingId = fc.integer({ min: 100_000, max: 2 ** 31 - 1 }).map((n) => gid("Project", n));
const badMoney = fc.oneof(
  fc.integer({ min: -1_000_000_000, max: -1 }).map(String),
  fc.constantFrom("-0.01", "-1", "0.001", "12.345", "1e5", "NaN", "Infinity", "-Infinity", "1,000", "１２３", "9999999999999", "0x10", " 1", "1 ", "--1", ""),
  fc.double({ min: -1e12, max: -0.01, noNaN: true }),
  // Numbers JSON can carry (Infinity would arrive as null).
  fc.constantFrom(Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE),
  weirdText,
  badUnicode,
  fc.boolean(),
);
const badDate = fc.oneof(
  fc.constantFrom("0001-01-01", "1899-12-31", "2201-01-01", "9999-12-31", "+275760-09-13", "-000001-01-01", "2025-02-30", "2025-13-01", "2025-1-1", "20250101", "0000-00-00", "２０２５-０１-０１", "2025-01-01T00:00:00Z"),
  fc.integer({ min: 2201, max: 999_999 }).map((y) => `${y}-01-01`),
  fc.integer(),
  weirdText,
  badUnicode,
);
const badDateTime = fc.oneof(
  fc.constantFrom("0001-01-01T00:00:00Z", "+275760-09-13T00:00:00.000Z", "9999-12-31T23:59:59Z", "yesterday", "2025-02-30T00:00:00Z", "x".repeat(41)),
  fc.integer(),
  weirdText,
  badUnicode,
);
const badEnum = fc.oneof(fc.constantFrom("reserve", "RESERVE\u200B", "RÉSERVE", "储备", "ARCHIVED", "", "LAND;"), wrongScalar, badUnicode);
const badMonth = fc.oneof(
  fc.constantFrom("2025-13", "2025-00", "2019-12", "1900-01", "2999-01", "2025-1", "202501", "２０２５-０１", "2025/01", ""),
  fc.integer({ min: 2100, max: 99_999 }).map((y) => `${y}-01`),
  wrongScalar,
  badUnicode,
);
const badInt = fc.oneof(fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 1.5, "1", null, Number.NaN), fc.double({ noInteger: true }), badUnicode);
const badRequiredText = fc.oneof(huge, badUnicode, fc.constantFrom("", "   ", "\t\n"), wrongScalar, fc.constant(null));
const badOptionalText = fc.oneof(huge, badUnicode, wrongScalar);
const badBoolean = fc.oneof(fc.constantFrom("true", 1, 0, "yes"), badUnicode);

let targets: Target[] = [];
/** The attacked project's version: unchanged while it is attacked, read again before the good inputs are sent. */
const live = { projectId: 0, version: 0 };
// A second user's project: its fields are changed by the round-trip property, not attacked.
let unicodeProject = { gid: "", version: 0 };

async function prepareTargets(): Promise<void> {
  const project = await makeProject(server.db, { code: "FZ-001", unitCode: "jtj", stage: "PREPARATION", totalInvestment: "5000" });
  await completeAllGates(server.db, project.id);
  const archived = await makeProject(server.db, { code: "FZ-002", unitCode: "jtj" });
  const blocker = await server.db.prisma.blocker.create({ data: { projectId: project.id, kind: "LAND", description: "用地", raisedAt: new Date() } });
  const milestone = await server.db.prisma.milestone.create({
    data: { projectId: project.id, name: "开工", stage: "PREPARATION", position: 1, plannedDate: new Date("2025-06-01") },
  });
  const requirement = await server.db.prisma.gateRequirement.findFirstOrThrow({ where: { fromStage: "PREPARATION", check: "MANUAL" } });
  const subTask = await server.db.prisma.subTask.findUniqueOrThrow({ where: { code: "2.1" } });
  const unit = await server.db.prisma.unit.findUniqueOrThrow({ where: { code: "jtj" } });
  const projectId = gid("Project", project.id);
  live.projectId = project.id;
  live.version = (await server.db.prisma.project.findUniqueOrThrow({ where: { id: project.id } })).version;
  const version = live.version;
  const id = { projectId: fc.oneof(badId, missingId) };

  targets = [
    {
      field: "moveProject",
      required: ["projectId", "to", "expectedVersion"],
      document: mutation("moveProject", "MoveProjectInput"),
      input: () => ({ projectId, to: "STARTED", expectedVersion: live.version, note: "推进" }),
      fields: { ...id, to: badEnum, expectedVersion: fc.oneof(badInt, fc.integer({ min: -5, max: 0 }), fc.integer({ min: version + 1, max: 2 ** 31 - 1 })), note: fc.oneof(huge, badUnicode, wrongScalar) },
    },
    {
      field: "updateProject",
      required: ["projectId", "expectedVersion"],
      document: mutation("updateProject", "UpdateProjectInput"),
      input: () => ({ projectId, expectedVersion: live.version, name: "模糊测试项目", totalInvestment: "6000.50", plannedStart: "2025-01-01", plannedCompletion: "2026-12-31" }),
      fields: {
        ...id,
        expectedVersion: fc.oneof(badInt, fc.integer({ min: version + 1, max: 2 ** 31 - 1 })),
        name: badRequiredText,
        totalInvestment: badMoney,
        plannedStart: fc.oneof(badDate, fc.constant("2027-01-01")),
        plannedCompletion: fc.oneof(badDate, fc.constant("2024-12-31")),
        description: badOptionalText,
        fundingSources: fc.oneof(
          badMoney.map((amount) => [{ kind: "BOND", amount }]),
          badEnum.map((kind) => [{ kind, amount: "1" }]),
          fc.constant([{ kind: "BOND", amount: "1" }, { kind: "BOND", amount: "2" }]),
          wrongScalar.filter((v) => !Array.isArray(v) && v !== null),
        ),
      },
    },
    {
      field: "submitProgressReport",
      required: ["projectId", "month", "investmentThisMonth", "narrative"],
      document: mutation("submitProgressReport", "SubmitProgressReportInput"),
      input: () => ({ projectId, month: "2024-03", investmentThisMonth: "10.25", narrative: "主体施工", problems: null }),
      fields: { ...id, month: badMonth, investmentThisMonth: fc.oneof(badMoney, fc.constant("999999")), narrative: badRequiredText, problems: badOptionalText },
    },
    {
      field: "raiseBlocker",
      required: ["projectId", "kind", "description"],
      document: mutation("raiseBlocker", "RaiseBlockerInput"),
      input: () => ({ projectId, kind: "FUNDS", description: "资金未到位" }),
      fields: { ...id, kind: badEnum, description: badRequiredText },
    },
    {
      field: "resolveBlocker",
      required: ["blockerId", "resolution"],
      document: mutation("resolveBlocker", "ResolveBlockerInput"),
      input: () => ({ blockerId: gid("Blocker", blocker.id), resolution: "已协调" }),
      fields: { blockerId: fc.oneof(badId, fc.constant(gid("Blocker", 2 ** 31 - 1)), fc.constant(projectId)), resolution: badRequiredText },
    },
    {
      field: "createProject",
      required: ["name", "subTaskId", "responsibleUnitId", "totalInvestment"],
      document: mutation("createProject", "CreateProjectInput"),
      input: () => ({ name: "模糊测试新项目", subTaskId: gid("SubTask", subTask.id), responsibleUnitId: gid("Unit", unit.id), totalInvestment: "100", plannedStart: "2025-03-01" }),
      fields: {
        name: badRequiredText,
        code: fc.oneof(huge, badUnicode, fc.constantFrom("FZ-001", "-x", "项目", "a b"), wrongScalar),
        subTaskId: fc.oneof(badId, fc.constant(gid("SubTask", 2 ** 31 - 1))),
        responsibleUnitId: fc.oneof(badId, fc.constant(gid("Unit", 2 ** 31 - 1))),
        totalInvestment: badMoney,
        plannedStart: badDate,
        targetQuantity: badMoney,
        description: badOptionalText,
        targetUnit: badOptionalText,
      },
    },
    {
      field: "setProjectArchived",
      required: ["projectId", "expectedVersion", "archived", "reason"],
      document: mutation("setProjectArchived", "SetProjectArchivedInput"),
      input: () => ({ projectId: gid("Project", archived.id), expectedVersion: archived.version, archived: true, reason: "重复入库" }),
      fields: { projectId: fc.oneof(badId, missingId), expectedVersion: badInt, archived: badBoolean, reason: badRequiredText },
    },
    {
      field: "setGateItem",
      required: ["projectId", "requirementId", "done"],
      document: mutation("setGateItem", "SetGateItemInput"),
      input: () => ({ projectId, requirementId: gid("GateRequirement", requirement.id), done: false, reference: "渠发改〔2025〕1号" }),
      fields: { ...id, requirementId: fc.oneof(badId, fc.constant(gid("GateRequirement", 2 ** 31 - 1))), done: badBoolean, reference: badOptionalText },
    },
    {
      field: "completeMilestone",
      required: ["milestoneId", "actualDate"],
      document: mutation("completeMilestone", "CompleteMilestoneInput"),
      input: () => ({ milestoneId: gid("Milestone", milestone.id), actualDate: "2025-01-15" }),
      fields: { milestoneId: fc.oneof(badId, fc.constant(gid("Milestone", 2 ** 31 - 1))), actualDate: fc.oneof(badDate, fc.constantFrom("2100-01-01", "2199-12-31")) },
    },
  ];
  unicodeProject = { gid: gid("Project", (await makeProject(server.db, { code: "FZ-003", unitCode: "zjj" })).id), version: 1 };
}

/** A target's good input with one field replaced by a bad value, removed, or joined by an unknown one. */
function corruptedInput(target: Target): fc.Arbitrary<{ input: unknown; what: string }> {
  const replace = fc.constantFrom(...Object.keys(target.fields)).chain((key) =>
    target.fields[key]!.map((value) => ({ input: { ...target.input(), [key]: value }, what: `${key} = ${JSON.stringify(value)?.slice(0, 80)}` })),
  );
  const remove = fc.constantFrom(...target.required).map((key) => {
    const { [key]: _removed, ...rest } = target.input();
    return { input: rest, what: `without ${key}` };
  });
  const extra = fc.string({ minLength: 1, maxLength: 20 }).map((key) => ({ input: { ...target.input(), [`x${key}`]: 1 }, what: `unknown field x${key}` }));
  const notAnObject = wrongScalar.filter((v) => typeof v !== "object" || Array.isArray(v)).map((v) => ({ input: v, what: `input = ${JSON.stringify(v)}` }));
  return fc.oneof({ arbitrary: replace, weight: 8 }, { arbitrary: remove, weight: 1 }, { arbitrary: extra, weight: 1 }, { arbitrary: notAnObject, weight: 1 });
}

// ---------------------------------------------------------------------------------------------
// Documents

const VALID_DOCUMENTS = [
  `{ actions { code name } }`,
  `query($code: Int!) { board(actionCode: $code) { columns { stage totalCount projects(first: 3) { edges { node { id code version } } } } } }`,
  `query($id: ID!) { node(id: $id) { id ... on Project { code history(first: 5) { edges { node { from to } } } } } }`,
  `{ viewer { username role } auditChain { valid length } }`,
  mutation("moveProject", "MoveProjectInput"),
  mutation("updateProject", "UpdateProjectInput"),
  `query($first: Int, $after: String) { projects(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } } }`,
];

const TOKENS = [
  "{", "}", "(", ")", "[", "]", ":", "!", "$", "...", "@", "=", "|", "&", ",", "\"", "\"\"\"", "#", "query", "mutation", "subscription",
  "fragment", "on", "Query", "Project", "input", "$input", "$id", "actions", "board", "node", "projects", "moveProject", "updateProject",
  "__typename", "__schema", "__type", "edges", "id", "code", "version", "Int", "ID!", "String", "1", "-1", "1e309", "null", "true",
  "\"\\u0000\"", "\"😀\"", "@include(if: true)", "@skip", "@deprecated", "…", "；", "｛",
];

const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 60 }).map((tokens) => tokens.join(" "));

/** A valid document with a few random edits: characters cut, tokens inserted, a span repeated. */
const mangledDocument = fc
  .tuple(fc.constantFrom(...VALID_DOCUMENTS), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.constantFrom(...TOKENS), fc.nat({ max: 2 })), { minLength: 1, maxLength: 4 }))
  .map(([document, edits]) =>
    edits.reduce((text, [at, length, token, kind]) => {
      const i = at % (text.length + 1);
      if (kind === 0) return text.slice(0, i) + text.slice(i + length);
      if (kind === 1) return `${text.slice(0, i)} ${token} ${text.slice(i)}`;
      return text.slice(0, i) + text.slice(i, i + length).repeat(50) + text.slice(i);
    }, document),
  );

const anyDocument = fc.oneof(tokenSoup, mangledDocument, fc.string({ unit: "binary", maxLength: 300 }), fc.constantFrom(...VALID_DOCUMENTS));

/** A request body: a document with random variables, or a malformed body of any kind. */
const anyBody = fc.oneof(
  { arbitrary: fc.record({ query: anyDocument, variables: fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom("id", "code", "input", "first", "after"), fc.jsonValue())) }, { requiredKeys: ["query"] }).map((b) => JSON.stringify(b)), weight: 6 },
  { arbitrary: fc.record({ query: fc.jsonValue(), variables: fc.jsonValue(), operationName: fc.jsonValue(), extensions: fc.jsonValue() }, { requiredKeys: [] }).map((b) => JSON.stringify(b)), weight: 2 },
  { arbitrary: fc.array(fc.record({ query: anyDocument }), { maxLength: 12 }).map((b) => JSON.stringify(b)), weight: 1 },
  { arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)), weight: 1 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 300 }), weight: 1 },
);

// ---------------------------------------------------------------------------------------------

let state: Record<string, string>;

/** What the last request changed in the database (nothing, for refused input). */
async function changes(): Promise<Record<string, string>> {
  const now = await fingerprint(server.db);
  const changed = Object.fromEntries(Object.entries(now).filter(([key, value]) => state[key] !== value));
  state = now;
  return changed;
}

beforeAll(async () => {
  server = await startTestServer();
  office = await server.signIn("fuzz-office", "OFFICE", "czhb");
  await prepareTargets();
  state = await fingerprint(server.db);
});
afterAll(async () => {
  recordFigures("fuzz", { operations: sent });
  await server?.close();
});

describe(`fuzzing the API (seed ${SEED})`, () => {
  it("answers random and malformed documents and bodies with a GraphQL response, and changes nothing", { timeout: 120_000 * SCALE }, async () => {
    await fc.assert(
      fc.asyncProperty(anyBody, async (body) => {
        const answer = await send(body);
        const changed = await changes();
        expect(verdict(answer), body.slice(0, 300)).toMatch(/^(error:|data$)/);
        expect(changed).toEqual({});
      }),
      { seed: SEED, numRuns: runs(600) },
    );
  });

  it("refuses bad inputs to every mutation with a clear error, and changes nothing", { timeout: 120_000 * SCALE }, async () => {
    // The case names its target's field only, so that a counterexample prints short.
    const cases = fc.constantFrom(...targets).chain((target) => corruptedInput(target).map((c) => ({ field: target.field, ...c })));
    await fc.assert(
      fc.asyncProperty(cases, async ({ field, input, what }) => {
        const document = targets.find((t) => t.field === field)!.document;
        const answer = await send(JSON.stringify({ query: document, variables: { input } }));
        const changed = await changes();
        expect(verdict(answer, field), `${field}: ${what}`).toMatch(/^(error:|refused:)/);
        expect(changed, `${field}: ${what}`).toEqual({});
      }),
      { seed: SEED, numRuns: runs(800) },
    );
  });

  it("answers bad arguments to queries with a clear error or an answer, and changes nothing", { timeout: 120_000 * SCALE }, async () => {
    const queries = fc.oneof(
      fc.record({ code: fc.oneof(fc.integer(), badInt, badEnum), at: fc.oneof(badDateTime, fc.constant(null)) }).map((variables) => ({
        query: `query($code: Int!, $at: DateTime) { board(actionCode: $code, at: $at) { columns { totalCount } } }`,
        variables,
      })),
      fc.record({ first: fc.oneof(fc.integer(), badInt), after: fc.oneof(fc.string({ unit: "binary" }), fc.base64String(), badUnicode), search: fc.oneof(huge, badUnicode, weirdText) }).map((variables) => ({
        query: `query($first: Int, $after: String, $search: String) { projects(first: $first, after: $after, filter: { search: $search }) { totalCount edges { node { id } } } }`,
        variables,
      })),
      fc.record({ id: badId }).map((variables) => ({ query: `query($id: ID!) { node(id: $id) { id } }`, variables })),
      fc.record({ ids: fc.array(badId, { maxLength: 5 }) }).map((variables) => ({ query: `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, variables })),
      fc.record({ first: fc.oneof(fc.integer(), badInt), after: fc.oneof(fc.string(), badUnicode) }).map((variables) => ({
        query: `query($first: Int, $after: String) { auditEvents(first: $first, after: $after) { edges { node { action } } } }`,
        variables,
      })),
    );
    await fc.assert(
      fc.asyncProperty(queries, async (request) => {
        const answer = await send(JSON.stringify(request));
        const changed = await changes();
        expect(verdict(answer), JSON.stringify(request).slice(0, 300)).toMatch(/^(error:|data$)/);
        expect(changed).toEqual({});
      }),
      { seed: SEED, numRuns: runs(300) },
    );
  });

  it("stores any well-formed unicode text exactly as sent (trimmed)", { timeout: 60_000 * SCALE }, async () => {
    const names = fc.string({ unit: "grapheme", minLength: 1, maxLength: 200 }).filter((s) => s.trim().length > 0);
    await fc.assert(
      fc.asyncProperty(names, async (name) => {
        const answer = await send(
          JSON.stringify({
            query: `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { __typename ... on UpdateProjectSuccess { project { name version } } } }`,
            variables: { input: { projectId: unicodeProject.gid, expectedVersion: unicodeProject.version, name } },
          }),
        );
        const project = (answer.body as { data: { updateProject: { project: { name: string; version: number } } } }).data.updateProject.project;
        expect(project.name).toBe(name.trim());
        unicodeProject.version = project.version;
      }),
      { seed: SEED, numRuns: runs(40) },
    );
  });

  it("the attacked inputs themselves are good: each succeeds as it is", async () => {
    const outcomes = [];
    for (const target of targets) {
      live.version = (await server.db.prisma.project.findUniqueOrThrow({ where: { id: live.projectId } })).version;
      const answer = await send(JSON.stringify({ query: target.document, variables: { input: target.input() } }));
      outcomes.push(`${target.field}: ${verdict(answer, target.field)}`);
    }
    expect(outcomes).toEqual(targets.map((t) => `${t.field}: accepted:${t.field === "moveProject" ? "MoveProjectSuccess" : `${t.field[0]!.toUpperCase()}${t.field.slice(1)}Success`}`));
  });
});
