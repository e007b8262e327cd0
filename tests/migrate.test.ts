// The migration runner: applies each committed migration once, and refuses an edited one.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../server/db/client.js";
import { migrate, readMigrations } from "../server/db/migrate.js";

describe("migrate", () => {
  it("applies every migration once, records it as Prisma does, and is idempotent", async () => {
    const db = await openDatabase({ memory: true });
    try {
      const migrations = await readMigrations();
      expect(migrations.length).toBeGreaterThan(0);
      expect(await migrate(db.sql)).toEqual(migrations.map((m) => m.name));
      expect(await migrate(db.sql)).toEqual([]);
      const rows = await db.sql.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
        `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(migrations.map((m) => [m.name, m.checksum]));
      expect(rows.every((r) => r.finished_at !== null)).toBe(true);
      expect(await db.prisma.project.count()).toBe(0);
      // The default gates and milestone durations come with the schema, seeded or not.
      expect(await db.prisma.gateRequirement.count({ where: { active: true } })).toBe(8);
      expect((await db.prisma.stageSetting.findMany({ orderBy: { stage: "asc" } })).map((s) => s.defaultDays)).toEqual([120, 150, 30, 365]);
    } finally {
      await db.close();
    }
  });

  it("refuses to run when an applied migration was edited afterwards", async () => {
    const db = await openDatabase({ memory: true });
    try {
      const migrations = await readMigrations();
      await migrate(db.sql, migrations);
      const edited = migrations.map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
      await expect(migrate(db.sql, edited)).rejects.toThrow(/was edited after it was applied/);
    } finally {
      await db.close();
    }
  });

  it("rolls back a migration that fails and leaves it pending", async () => {
    const db = await openDatabase({ memory: true });
    try {
      const broken = [{ name: "20990101000000_broken", sql: "CREATE TABLE t_ok (id int); SELECT no_such_function();", checksum: "x" }];
      await expect(migrate(db.sql, broken)).rejects.toThrow();
      const tables = await db.sql.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 't_ok'`);
      expect(tables).toEqual([]);
      const recorded = await db.sql.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '20990101000000_broken'`);
      expect(recorded).toEqual([]);
    } finally {
      await db.close();
    }
  });
});

describe("schema and migrations", () => {
  it("the committed migrations produce exactly prisma/schema.prisma (run `npm run db:new-migration <name>`)", () => {
    const result = spawnSync(
      "npx",
      ["prisma", "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--exit-code"],
      { cwd: fileURLToPath(new URL("..", import.meta.url)), encoding: "utf8" },
    );
    // --exit-code: 0 when there is no difference, 2 when there is one, 1 on error.
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });

  it("refuses to update, delete or truncate the audit trail and the stage history", async () => {
    const db = await openDatabase({ memory: true });
    try {
      await migrate(db.sql);
      await db.sql.exec(`INSERT INTO audit_event (seq, at, entity, entity_id, action, prev_hash, hash) VALUES (1, now(), 'X', '1', 'x', '0', 'h')`);
      await expect(db.sql.exec(`UPDATE audit_event SET action = 'y'`)).rejects.toThrow(/append-only/);
      await expect(db.sql.exec(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
      await expect(db.sql.exec(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
      await expect(db.sql.exec(`TRUNCATE stage_transition`)).rejects.toThrow(/append-only/);
      expect(await db.sql.query(`SELECT action FROM audit_event`)).toEqual([{ action: "x" }]);
    } finally {
      await db.close();
    }
  });
});
