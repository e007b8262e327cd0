// Reference data from the plan: the five actions and their sub-tasks, the 22 indicators and the units.
// (The default gates and milestone durations come with the schema: prisma/migrations/*_default_gates.)
// Idempotent: running it again updates names and leaves everything else alone.
import { readFile } from "node:fs/promises";
import type { IndicatorDirection, PrismaClient, UnitKind } from "@prisma/client";

const dataDir = new URL("./data/", import.meta.url);

export async function readSeedFile<T>(name: string): Promise<T> {
  return JSON.parse(await readFile(new URL(name, dataDir), "utf8")) as T;
}

export interface ActionData {
  code: number;
  name: string;
  shortName: string;
  subTasks: { code: string; name: string; summary: string }[];
}

export interface IndicatorData {
  code: number;
  name: string;
  note: string | null;
  measures: {
    key: string;
    label: string;
    unit: string;
    baseline: string;
    target: string;
    direction: IndicatorDirection;
    format: string | null;
  }[];
}

export interface UnitData {
  code: string;
  name: string;
  shortName: string;
  kind: UnitKind;
}


export async function seedReference(prisma: PrismaClient): Promise<{ actions: number; indicators: number; units: number }> {
  const actions = await readSeedFile<ActionData[]>("actions.json");
  const indicators = await readSeedFile<IndicatorData[]>("indicators.json");
  const units = await readSeedFile<UnitData[]>("units.json");

  await prisma.$transaction(
    async (tx) => {
      for (const action of actions) {
        const { id: actionId } = await tx.action.upsert({
          where: { code: action.code },
          create: { code: action.code, name: action.name, shortName: action.shortName },
          update: { name: action.name, shortName: action.shortName },
        });
        for (const [position, sub] of action.subTasks.entries()) {
          const fields = { name: sub.name, summary: sub.summary, position, actionId };
          await tx.subTask.upsert({ where: { code: sub.code }, create: { code: sub.code, ...fields }, update: fields });
        }
      }
      for (const indicator of indicators) {
        const { id: indicatorId } = await tx.indicator.upsert({
          where: { code: indicator.code },
          create: { code: indicator.code, name: indicator.name, note: indicator.note },
          update: { name: indicator.name, note: indicator.note },
        });
        for (const [position, m] of indicator.measures.entries()) {
          const fields = {
            label: m.label,
            unit: m.unit,
            baseline: m.baseline,
            target: m.target,
            direction: m.direction,
            format: m.format,
            position,
          };
          await tx.indicatorMeasure.upsert({
            where: { indicatorId_key: { indicatorId, key: m.key } },
            create: { indicatorId, key: m.key, ...fields },
            update: fields,
          });
        }
      }
      for (const unit of units) {
        const fields = { name: unit.name, shortName: unit.shortName, kind: unit.kind };
        await tx.unit.upsert({ where: { code: unit.code }, create: { code: unit.code, ...fields }, update: fields });
      }
    },
    { timeout: 60_000 },
  );
  return { actions: actions.length, indicators: indicators.length, units: units.length };
}
