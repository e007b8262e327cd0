// GraphQL answers are made as UTF-8 in pieces (server/json-answer.ts) and must be exactly the bytes
// of JSON.stringify's text: for any value, and over HTTP for an answer too large for one piece.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonUtf8 } from "../server/json-answer.js";
import { makeProject } from "./support/projects.js";
import { startTestServer, type TestServer } from "./support/server.js";

const same = (value: unknown) => expect(jsonUtf8(value).toString("utf8")).toBe(JSON.stringify(value));

describe("JSON in pieces", () => {
  it("writes what JSON.stringify writes, for values of every kind", () => {
    same({ data: null });
    same({ data: { a: 1, b: "二", c: true, d: null, e: [], f: {}, g: [1, "x", null, false] } });
    // Left out of objects, null in lists, as JSON.stringify does.
    same({ data: { gone: undefined, fn: () => 1, sym: Symbol("s"), kept: 0, list: [undefined, () => 1, Symbol("s")] } });
    same({ n: [NaN, Infinity, -0, 1.5e300, -12.25], date: new Date(Date.UTC(2025, 0, 2, 3, 4, 5)) });
    // toJSON on a nested object and on a list item; a prototype-less object; escapes and surrogates.
    same({ when: { toJSON: () => "自定义" }, list: [{ toJSON: () => ({ inner: [1, 2] }) }], bare: Object.assign(Object.create(null), { k: "v" }) });
    same({ text: "引号\" 反斜杠\\ 换行\n 制表\t \u0000 \u2028 😀 lone \ud800 end" });
    same(["top-level list", 1]);
    same("a string alone");
    same(42);
  });

  it("writes long lists, long items and long strings whole and in order", () => {
    const card = (i: number) => ({ id: `P${i}`, name: `渠县城区雨污分流管网改造项目（${i}）`.repeat(4), reasons: ["计划开工日期已过 3 个月仍未开工"], n: i });
    // Items short enough to be stringified whole, many of them: several pieces.
    same({ data: { columns: [0, 1, 2, 3, 4].map((c) => ({ stage: c, edges: Array.from({ length: 300 }, (_, i) => ({ node: card(c * 1000 + i) })) })) } });
    // An item over the piece's size is written by its parts; so is a list inside it, and lists of lists.
    same({ data: { column: [{ edges: Array.from({ length: 2000 }, (_, i) => card(i)) }], grid: [[Array.from({ length: 1500 }, (_, i) => card(i))]] } });
    // A single string longer than a piece.
    same({ data: { long: "长".repeat(100_000), after: "尾" } });
  });
});

describe("answers over HTTP", () => {
  let server: TestServer;

  beforeAll(async () => {
    // The board cache off: the answer is made by the general path, not kept.
    server = await startTestServer({ boardCache: false });
  });
  afterAll(() => server?.close());

  it("sends an answer of some 100,000 characters of Chinese as its exact UTF-8, with its length, plain and compressed", async () => {
    const description = "项目说明：推进城区老旧管网改造，完善排水防涝设施。".repeat(80).slice(0, 2000);
    for (let i = 0; i < 50; i++) {
      const project = await makeProject(server.db, { code: `JA-${String(i).padStart(3, "0")}`, subTaskCode: "5.1" });
      await server.db.prisma.project.update({ where: { id: project.id }, data: { description } });
    }
    const token = await server.signIn("json-office", "OFFICE");
    const query = `{ projects(first: 50, filter: { search: "JA-" }) { edges { node { code name description } } } }`;
    const request = (headers: Record<string, string> = {}) =>
      fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}`, ...headers },
        body: JSON.stringify({ query }),
      });
    // fetch asks for compression unless told otherwise.
    const plain = await request({ "accept-encoding": "identity" });
    expect(plain.status).toBe(200);
    expect(plain.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const body = Buffer.from(await plain.arrayBuffer());
    expect(Number(plain.headers.get("content-length"))).toBe(body.length);
    const answer = JSON.parse(body.toString("utf8"));
    expect(answer.errors).toBeUndefined();
    const nodes = answer.data.projects.edges.map((edge: { node: { code: string; description: string } }) => edge.node);
    expect(nodes).toHaveLength(50);
    expect(nodes.every((node: { description: string }) => node.description === description)).toBe(true);
    // Larger than a piece (and than V8's largest ordinary string, as one): the pieces joined in order.
    expect(JSON.stringify(answer).length).toBeGreaterThan(100_000);
    expect(body.equals(Buffer.from(JSON.stringify(answer)))).toBe(true);
    // fetch undoes the compression it asked for.
    const compressed = await request({ "accept-encoding": "gzip" });
    expect(compressed.headers.get("content-encoding")).toBe("gzip");
    expect(Buffer.from(await compressed.arrayBuffer()).equals(body)).toBe(true);
  });
});
