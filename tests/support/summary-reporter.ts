// Prints one plain closing line, "tests: N passed, N failed, N skipped" (and ", N unhandled errors"
// when there were any: they fail the run though every test passed), that any CI can read, and,
// when the reliability suite ran, its figures: "reliability: operations N, faults injected N,
// updates lost N".
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Reporter, TestModule } from "vitest/node";
import { FIGURES_DIR_VARIABLE, sumFigures } from "./figures.js";

export default class SummaryReporter implements Reporter {
  private figuresDir = "";

  onInit(): void {
    // Test files run in worker processes started after this, which inherit the variable.
    this.figuresDir = mkdtempSync(path.join(tmpdir(), "tuijin-figures-"));
    process.env[FIGURES_DIR_VARIABLE] = this.figuresDir;
    process.once("exit", () => rmSync(this.figuresDir, { recursive: true, force: true }));
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") counts.passed += 1;
        else if (state === "failed") counts.failed += 1;
        else counts.skipped += 1;
      }
    }
    // Read and cleared, so that a watch mode's next run counts afresh.
    const figures = sumFigures(this.figuresDir, { clear: true });
    if (figures) {
      process.stdout.write(
        `\nreliability: operations ${figures.operations}, faults injected ${figures.faults}, updates lost ${figures.lost}`,
      );
    }
    const errors = unhandledErrors.length > 0 ? `, ${unhandledErrors.length} unhandled errors` : "";
    process.stdout.write(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${errors}\n`);
  }
}
