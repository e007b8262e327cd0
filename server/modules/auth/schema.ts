// Users, sign-in and sign-out.
import { builder } from "../../builder.js";
import { actorOf } from "../../context.js";
import { UnitNode } from "../catalog/schema.js";
import {
  AccountLockedError,
  ForbiddenError,
  InvalidCredentialsError,
  NotFoundError,
  TooManyAttemptsError,
  ValidationError,
} from "../common/errors.js";
import { databaseId } from "../common/input.js";
import { onlyFor } from "./scopes.js";
import { USER_ADMINS } from "./policy.js";
import { changePassword, createUser, MIN_PASSWORD_LENGTH, resetPassword, updateUser } from "./users.js";
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
      const { token, user, expiresAt } = await signIn(context.prisma, context.tokens, username, password, context.clientAddr);
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

// ---------------------------------------------------------------------------------------------
// User management (ADMIN) and one's own password

builder.prismaObjectFields("User", (t) => ({
  disabled: t.boolean({ resolve: (user) => user.disabledAt !== null }),
}));

const UserConnection = builder.connectionObject({ type: UserNode, name: "UserConnection" }, { name: "UserEdge" });

builder.queryField("users", (t) =>
  t.prismaConnection(
    {
      type: "User",
      cursor: "username",
      description: "Every account, by username (ADMIN).",
      authScopes: { role: USER_ADMINS },
      resolve: (query, _root, _args, { prisma }) => prisma.user.findMany({ ...query, orderBy: { username: "asc" } }),
      totalCount: (_root, _args, { prisma }) => prisma.user.count(),
    },
    UserConnection,
  ),
);

const userErrors = (name: string) => ({
  types: [ValidationError, ForbiddenError, NotFoundError],
  union: { name: `${name}Result` },
  result: { name: `${name}Success` },
  dataField: { name: "user" },
});

const CreateUserInput = builder.inputType("CreateUserInput", {
  fields: (t) => ({
    username: t.string({ required: true }),
    displayName: t.string({ required: true }),
    role: t.field({ type: RoleEnum, required: true }),
    unitId: t.globalID({ for: UnitNode, description: "Required for OWNER accounts" }),
    password: t.string({ required: true, description: `At least ${MIN_PASSWORD_LENGTH} characters` }),
  }),
});

const UpdateUserInput = builder.inputType("UpdateUserInput", {
  description: "Only the fields given are changed. A new role or unit, or disabling, ends the user's sessions.",
  fields: (t) => ({
    userId: t.globalID({ required: true, for: UserNode }),
    displayName: t.string(),
    role: t.field({ type: RoleEnum }),
    unitId: t.globalID({ for: UnitNode, description: "null removes the unit" }),
    disabled: t.boolean(),
  }),
});

const ResetUserPasswordInput = builder.inputType("ResetUserPasswordInput", {
  fields: (t) => ({
    userId: t.globalID({ required: true, for: UserNode }),
    password: t.string({ required: true }),
  }),
});

const ChangePasswordInput = builder.inputType("ChangePasswordInput", {
  fields: (t) => ({
    currentPassword: t.string({ required: true }),
    newPassword: t.string({ required: true }),
  }),
});

builder.mutationFields((t) => ({
  createUser: t.field({
    type: UserNode,
    ...onlyFor(USER_ADMINS, "账号由系统管理员管理"),
    errors: userErrors("CreateUser"),
    args: { input: t.arg({ type: CreateUserInput, required: true }) },
    resolve: (_root, { input }, context) =>
      createUser(context.prisma, actorOf(context), {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        unitId: input.unitId ? databaseId(input.unitId) : null,
        password: input.password,
      }),
  }),
  updateUser: t.field({
    type: UserNode,
    ...onlyFor(USER_ADMINS, "账号由系统管理员管理"),
    errors: userErrors("UpdateUser"),
    args: { input: t.arg({ type: UpdateUserInput, required: true }) },
    resolve: (_root, { input }, context) =>
      updateUser(context.prisma, actorOf(context), databaseId(input.userId), {
        displayName: input.displayName ?? undefined,
        role: input.role ?? undefined,
        unitId: input.unitId === undefined ? undefined : input.unitId === null ? null : databaseId(input.unitId),
        disabled: input.disabled ?? undefined,
      }),
  }),
  resetUserPassword: t.field({
    type: UserNode,
    ...onlyFor(USER_ADMINS, "账号由系统管理员管理"),
    errors: userErrors("ResetUserPassword"),
    args: { input: t.arg({ type: ResetUserPasswordInput, required: true }) },
    resolve: (_root, { input }, context) => resetPassword(context.prisma, actorOf(context), databaseId(input.userId), input.password),
  }),
  changePassword: t.field({
    type: UserNode,
    description: "Changes the signed-in user's password; their other sessions end.",
    errors: { ...userErrors("ChangePassword"), types: [ValidationError, InvalidCredentialsError] },
    args: { input: t.arg({ type: ChangePasswordInput, required: true }) },
    resolve: (_root, { input }, context) => changePassword(context.prisma, actorOf(context), input.currentPassword, input.newPassword),
  }),
}));
