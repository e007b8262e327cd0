// Shared GraphQL types: scalars, the Stage enum, the `Error` interface and the expected-failure types.
import { Kind } from "graphql";
import { badInput } from "./input.js";
import { builder } from "../../builder.js";
import {
  AccountLockedError,
  DomainError,
  ForbiddenError,
  GateNotMetError,
  InvalidCredentialsError,
  NotFoundError,
  StaleVersionError,
  TooManyAttemptsError,
  TransitionNotAllowedError,
  ValidationError,
} from "./errors.js";
import { STAGES, STAGE_NAMES } from "./stage.js";


function parseDateTime(value: unknown): Date {
  if (typeof value !== "string" || value.length > 40) throw badInput("DateTime must be an ISO 8601 string");
  const date = new Date(value);
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 1900 || year > 2200) {
    throw badInput(`Invalid DateTime "${value}": expected ISO 8601 between 1900 and 2200`);
  }
  return date;
}

builder.scalarType("DateTime", {
  description: "An instant, as an ISO 8601 string (UTC).",
  serialize: (value) => value.toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw badInput("DateTime must be a string");
    return parseDateTime(ast.value);
  },
});

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(value: unknown): Date {
  const match = typeof value === "string" ? DATE.exec(value) : null;
  const date = match ? new Date(`${value}T00:00:00Z`) : null;
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw badInput(`Invalid Date ${JSON.stringify(value)}: expected YYYY-MM-DD`);
  }
  const year = date.getUTCFullYear();
  if (year < 1900 || year > 2200) throw badInput("Date must be between 1900 and 2200");
  return date;
}

builder.scalarType("Date", {
  description: "A calendar date, YYYY-MM-DD.",
  serialize: (value) => value.toISOString().slice(0, 10),
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw badInput("Date must be a string");
    return parseDate(ast.value);
  },
});

const DECIMAL = /^-?\d{1,12}(\.\d{1,4})?$/;

function parseDecimal(value: unknown): string {
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string" || !DECIMAL.test(text)) {
    throw badInput("Decimal must be a decimal number such as \"1234.56\" (at most 12 digits and 4 decimals)");
  }
  return text;
}

builder.scalarType("Decimal", {
  description: "An exact decimal number as a string, e.g. money in 万元: \"1234.56\".",
  serialize: (value) => value.toString(),
  parseValue: parseDecimal,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING && ast.kind !== Kind.INT && ast.kind !== Kind.FLOAT) {
      throw badInput("Decimal must be a string or a number");
    }
    return parseDecimal(ast.value);
  },
});

export const StageEnum = builder.enumType("Stage", {
  description: "The pipeline (谋储争推), in order.",
  values: Object.fromEntries(STAGES.map((s) => [s, { value: s, description: STAGE_NAMES[s] }])) as Record<
    (typeof STAGES)[number],
    { value: (typeof STAGES)[number]; description: string }
  >,
});

export const ErrorInterface = builder.interfaceRef<DomainError>("Error").implement({
  description: "Every expected failure returned as data implements it.",
  fields: (t) => ({ message: t.exposeString("message") }),
});

builder.objectType(InvalidCredentialsError, {
  name: "InvalidCredentialsError",
  description: "Wrong username or password, or a disabled account.",
  interfaces: [ErrorInterface],
});

builder.objectType(ForbiddenError, {
  name: "ForbiddenError",
  description: "The signed-in user may not do this.",
  interfaces: [ErrorInterface],
});

builder.objectType(NotFoundError, {
  name: "NotFoundError",
  description: "The record does not exist (or is archived).",
  interfaces: [ErrorInterface],
});

builder.objectType(StaleVersionError, {
  name: "StaleVersionError",
  description: "Someone else changed the record first (版本冲突).",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    currentVersion: t.exposeInt("currentVersion"),
    currentStage: t.field({ type: StageEnum, resolve: (e) => e.currentStage }),
  }),
});

builder.objectType(TransitionNotAllowedError, {
  name: "TransitionNotAllowedError",
  description: "The pipeline does not allow this move.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    from: t.field({ type: StageEnum, resolve: (e) => e.from }),
    to: t.field({ type: StageEnum, resolve: (e) => e.to }),
  }),
});

builder.objectType(ValidationError, {
  name: "ValidationError",
  description: "Input that breaks a rule; `field` names the input field it concerns.",
  interfaces: [ErrorInterface],
  fields: (t) => ({ field: t.exposeString("field", { nullable: true }) }),
});

builder.objectType(AccountLockedError, {
  name: "AccountLockedError",
  description: "Too many failed sign-ins: the account is locked for a while.",
  interfaces: [ErrorInterface],
  fields: (t) => ({ retryAfterSeconds: t.exposeInt("retryAfterSeconds") }),
});

builder.objectType(TooManyAttemptsError, {
  name: "TooManyAttemptsError",
  description: "Too many failed sign-ins from this address.",
  interfaces: [ErrorInterface],
  fields: (t) => ({ retryAfterSeconds: t.exposeInt("retryAfterSeconds") }),
});

builder.objectType(GateNotMetError, {
  name: "GateNotMetError",
  description: "The stage gate's checklist is not complete.",
  interfaces: [ErrorInterface],
  fields: (t) => ({ missing: t.exposeStringList("missing") }),
});
