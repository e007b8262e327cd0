// npm run user -- add <username> --role ADMIN [--unit <unit code>] [--name <display name>]
// npm run user -- reset-password <username>
// The password is read from standard input (first line) or from TUIJIN_NEW_PASSWORD, never from the
// command line, where it would stay in the shell history. For the first admin of a production database.
import { createInterface } from "node:readline";
import type { Role } from "@prisma/client";
import { readConfig } from "../server/config.js";
import { openConfiguredDatabase } from "../server/db/open.js";
import { DomainError } from "../server/modules/common/errors.js";
import { createUser, resetPassword } from "../server/modules/auth/users.js";

const ROLES: readonly Role[] = ["ADMIN", "LEADER", "OFFICE", "TEAM", "OWNER", "AUDITOR"];
const USAGE = "usage: npm run user -- add <username> --role <ADMIN|LEADER|OFFICE|TEAM|OWNER|AUDITOR> [--unit <code>] [--name <name>]\n" +
  "       npm run user -- reset-password <username>\n(the password comes from standard input or TUIJIN_NEW_PASSWORD)";

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function readPassword(): Promise<string> {
  if (process.env.TUIJIN_NEW_PASSWORD) return process.env.TUIJIN_NEW_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write("新密码 / new password: ");
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line.trim();
  }
  return "";
}

async function main(): Promise<number> {
  const [command, username, ...rest] = process.argv.slice(2);
  if (!command || !username || !["add", "reset-password"].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  const db = await openConfiguredDatabase(readConfig(), { migrate: true });
  try {
    if (command === "add") {
      const role = option(rest, "--role")?.toUpperCase() as Role | undefined;
      if (!role || !ROLES.includes(role)) {
        console.error(USAGE);
        return 2;
      }
      const unitCode = option(rest, "--unit");
      const unit = unitCode ? await db.prisma.unit.findUnique({ where: { code: unitCode } }) : null;
      if (unitCode && !unit) {
        console.error(`no unit with code "${unitCode}"`);
        return 2;
      }
      const user = await createUser(db.prisma, null, {
        username,
        displayName: option(rest, "--name") ?? username,
        role,
        unitId: unit?.id ?? null,
        password: await readPassword(),
      });
      console.log(JSON.stringify({ created: user.username, role: user.role, unit: unitCode ?? null }));
    } else {
      const user = await db.prisma.user.findUnique({ where: { username } });
      if (!user) {
        console.error(`no user "${username}"`);
        return 2;
      }
      await resetPassword(db.prisma, null, user.id, await readPassword());
      console.log(JSON.stringify({ passwordReset: username }));
    }
    return 0;
  } catch (error) {
    if (error instanceof DomainError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await db.close();
  }
}

process.exitCode = await main();
