// The whole code base type-checks (strict), server and client, as CI builds it.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

it.each([["server, seeds, scripts and tests", "tsconfig.json"], ["web client", "client/tsconfig.json"]])(
  "type-checks the %s",
  (_what, project) => {
    const result = spawnSync("npx", ["tsc", "-p", project, "--noEmit"], { cwd: root, encoding: "utf8" });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  },
  // tsc takes ~20 s alone, and several times that on a machine busy with the rest of the suite.
  240_000,
);
