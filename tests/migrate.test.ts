// The migration runner: applies each committed migration once, and refuses an edited one.
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
