// board(at:) rebuilds every column exactly as it stood at that instant: a scripted history of 200
// moves, snapshots taken along the way, then compared with the rebuilt boards.
import { afterAll, beforeAll, expect, it } from "vitest";
import { STAGES } from "../server/modules/common/stage.js";
import { createRandom } from "../seeds/random.js";
import { makeProject } from "./support/projects.js";
import { startTestServer, type TestServer } from "./support/server.js";

let server: TestServer;
let office: string;

beforeAll(async () => {
  server = await startTestServer();
  office = await server.signIn("tt-office", "OFFICE", "czhb");
});
afterAll(() => server?.close());

const BOARD = /* GraphQL */ `
  query($at: DateTime, $filter: ProjectFilter) {
    board(actionCode: 4, at: $at, filter: $filter) {
      at
      columns { stage totalCount totalInvestment projects(first: 100) { edges { node { code } } } }
    }
  }
`;

type Snapshot = Record<string, { count: number; investment: number; codes: string[] }>;

async function board(at?: string, filter?: object): Promise<Snapshot> {
  const { data, errors } = await server.gql(BOARD, { at, filter }, office);
  expect(errors).toBeUndefined();
  return Object.fromEntries(
    data.board.columns.map((c: any) => [
      c.stage,
      { count: c.totalCount, investment: Number(c.totalInvestment), codes: c.projects.edges.map((e: any) => e.node.code) },
    ]),
  );
}

const pause = () => new Promise((r) => setTimeout(r, 5));

it("rebuilds the board at three instants of a 200-move history", async () => {
  const random = createRandom(7);
  const projects = [];
  for (let i = 0; i < 24; i++) {
    projects.push(
      await makeProject(server.db, {
        code: `TT-${String(i).padStart(2, "0")}`,
        subTaskCode: `4.${(i % 4) + 1}`,
        unitCode: i % 3 ? "zjj" : "sthj",
        stage: STAGES[i % 5],
        totalInvestment: String(100 + i),
      }),
    );
  }
  const versions = new Map(projects.map((p) => [p.id, p.version]));
  const stages = new Map(projects.map((p) => [p.id, p.stage as string]));
  const snapshots: { at: string; board: Snapshot; bySubTask: Snapshot }[] = [];
  const { data: subTasks } = await server.gql(`{ actions { code subTasks { id code } } }`, {}, office);
  const subTask42 = subTasks.actions[3].subTasks[1].id;

  for (let move = 1; move <= 200; move++) {
    const project = random.pick(projects);
    const from = stages.get(project.id)!;
    const to = random.pick(STAGES.filter((s) => s !== from));
    const { data } = await server.gql(
      `mutation($input: MoveProjectInput!) { moveProject(input: $input) { __typename ... on MoveProjectSuccess { project { version } } } }`,
      {
        input: {
          projectId: Buffer.from(`Project:${project.id}`).toString("base64"),
          to,
          expectedVersion: versions.get(project.id),
          note: `脚本第 ${move} 步`,
          correction: true,
        },
      },
      office,
    );
    expect(data.moveProject.__typename).toBe("MoveProjectSuccess");
    versions.set(project.id, data.moveProject.project.version);
    stages.set(project.id, to);

    if (move === 60 || move === 130 || move === 200) {
      await pause();
      const at = new Date().toISOString();
      snapshots.push({ at, board: await board(), bySubTask: await board(undefined, { subTaskId: subTask42 }) });
      await pause();
    }
    if (move === 100) {
      // A project that enters the pipeline after the first snapshot must be absent from it.
      await makeProject(server.db, { code: "TT-LATE", subTaskCode: "4.2", stage: "RESERVE", since: new Date() });
    }
  }

  expect(snapshots).toHaveLength(3);
  for (const snapshot of snapshots) {
    expect(await board(snapshot.at)).toEqual(snapshot.board);
    expect(await board(snapshot.at, { subTaskId: subTask42 })).toEqual(snapshot.bySubTask);
  }
  const first = Object.values(snapshots[0]!.board).flatMap((c) => c.codes);
  const last = Object.values(snapshots[2]!.board).flatMap((c) => c.codes);
  expect(first).not.toContain("TT-LATE");
  expect(last).toContain("TT-LATE");
  // Before anything existed the board is empty.
  const empty = await board("2020-01-01T00:00:00Z");
  expect(Object.values(empty).map((c) => c.count)).toEqual([0, 0, 0, 0, 0]);
});

it("refuses a board in the future", async () => {
  const { errors } = await server.gql(BOARD, { at: "2099-01-01T00:00:00Z" }, office);
  expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
});
