// The reliability suite's figures: each test file adds what it did (operations, faults injected,
// updates lost) to a JSON file in a folder the summary reporter creates, and the reporter prints
// their sum in one block at the end of the run.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface Figures {
  operations: number;
  faults: number;
  lost: number;
}

export const FIGURES_DIR_VARIABLE = "TUIJIN_RELIABILITY_FIGURES";

/** Adds a test's figures to the run's total (nothing happens outside a run with the summary reporter). */
export function recordFigures(source: string, figures: Partial<Figures>): void {
  const dir = process.env[FIGURES_DIR_VARIABLE];
  if (!dir) return;
  const entry: Figures & { source: string } = { source, operations: 0, faults: 0, lost: 0, ...figures };
  writeFileSync(path.join(dir, `${randomUUID()}.json`), JSON.stringify(entry));
}

/** The sum of every figure recorded in `dir`, or null when none was; `clear` removes what it read. */
export function sumFigures(dir: string, options: { clear?: boolean } = {}): Figures | null {
  const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  if (files.length === 0) return null;
  const total: Figures = { operations: 0, faults: 0, lost: 0 };
  for (const file of files) {
    const entry = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Figures;
    total.operations += entry.operations;
    total.faults += entry.faults;
    total.lost += entry.lost;
    if (options.clear) rmSync(path.join(dir, file));
  }
  return total;
}
