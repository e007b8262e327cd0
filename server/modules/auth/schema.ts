// Users, sign-in and sign-out.
import { builder } from "../../builder.js";
import { AccountLockedError, InvalidCredentialsError, TooManyAttemptsError } from "../common/errors.js";
import { clearedSessionCookie, sessionCookie, signIn, signOut } from "./service.js";

export const RoleEnum = builder.enumType("Role", {
  values: {
    ADMIN: { description: "系统管理员" },
    LEADER: { description: "领导小组" },
    OFFICE: { description: "领导小组办公室" },
    TEAM: { description: "工作专班" },
    OWNER: { description: "业主单位 / 责任单位" },
    AUDITOR: { description: "审计、督查" },
  } as const,
});

export const UserNode = builder.prismaNode("User", {
  id: { field: "id" },
  fields: (t) => ({
    username: t.exposeString("username"),
    displayName: t.exposeString("displayName"),
    role: t.expose("role", { type: RoleEnum }),
    unit: t.relation("unit", { nullable: true }),
  }),
});

const LoginSuccess = builder
  .objectRef<{ token: string; expiresAt: Date; userId: number }>("LoginSuccess")
  .implement({
    fields: (t) => ({
      token: t.exposeString("token", {
        description: "Send as `Authorization: Bearer <token>`; the browser gets the same in an httpOnly cookie.",
      }),
      expiresAt: t.expose("expiresAt", { type: "DateTime" }),
      user: t.prismaField({
        type: "User",
        resolve: (query, parent, _args, { prisma }) =>
          prisma.user.findUniqueOrThrow({ ...query, where: { id: parent.userId } }),
      }),
    }),
  });

builder.queryField("viewer", (t) =>
  t.prismaField({
    type: "User",
    nullable: true,
    description: "The signed-in user; null when not signed in.",
    skipTypeScopes: true,
    resolve: (query, _root, _args, { prisma, viewer }) =>
      viewer ? prisma.user.findUnique({ ...query, where: { id: viewer.userId } }) : null,
  }),
);

builder.mutationFields((t) => ({
  login: t.field({
    type: LoginSuccess,
    skipTypeScopes: true,
    errors: {
      types: [InvalidCredentialsError, AccountLockedError, TooManyAttemptsError],
      union: { name: "LoginResult" },
      directResult: true,
    },
    args: {
      username: t.arg.string({ required: true }),
      password: t.arg.string({ required: true }),
    },
    resolve: async (_root, { username, password }, context) => {
      if (username.length > 100 || password.length > 200) throw new InvalidCredentialsError();
      const { token, user, expiresAt } = await signIn(context.prisma, username, password, context.clientAddr);
      context.responseCookies.push(sessionCookie(token, expiresAt, context.secureCookies));
      return { token, expiresAt, userId: user.id };
    },
  }),
  logout: t.boolean({
    description: "Ends the current session; its token stops working at once.",
    resolve: async (_root, _args, context) => {
      await signOut(context.prisma, context.viewer!.sessionId);
      context.responseCookies.push(clearedSessionCookie());
      return true;
    },
  }),
}));
