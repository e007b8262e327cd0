// Expected failures, as plain classes: services throw them, the schema returns them as data
// (result unions whose members implement the `Error` interface). No GraphQL here.
import type { Stage } from "@prisma/client";

export class DomainError extends Error {
  override name = "DomainError";
}

export class InvalidCredentialsError extends DomainError {
  override name = "InvalidCredentialsError";
  constructor() {
    super("用户名或密码不正确");
  }
}

export class ForbiddenError extends DomainError {
  override name = "ForbiddenError";
  constructor(message = "无权执行此操作") {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  override name = "NotFoundError";
  constructor(what: string) {
    super(`${what}不存在`);
  }
}

export class StaleVersionError extends DomainError {
  override name = "StaleVersionError";
  constructor(
    readonly currentVersion: number,
    readonly currentStage: Stage,
  ) {
    super(`版本冲突：项目已被他人修改（当前版本 ${currentVersion}），请刷新后重试`);
  }
}

export class TransitionNotAllowedError extends DomainError {
  override name = "TransitionNotAllowedError";
  constructor(
    message: string,
    readonly from: Stage,
    readonly to: Stage,
  ) {
    super(message);
  }
}

export class GateNotMetError extends DomainError {
  override name = "GateNotMetError";
  constructor(readonly missing: string[]) {
    super(`未满足阶段条件：${missing.join("、")}`);
  }
}

/** Input that breaks a rule of the domain; `field` names the input field when there is one. */
export class ValidationError extends DomainError {
  override name = "ValidationError";
  constructor(
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
  }
}

/** Too many failed sign-ins: the account is locked for a while. */
export class AccountLockedError extends DomainError {
  override name = "AccountLockedError";
  constructor(readonly retryAfterSeconds: number) {
    super(`密码错误次数过多，账号已锁定，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试或联系管理员`);
  }
}

/** Too many failed sign-ins from one address. */
export class TooManyAttemptsError extends DomainError {
  override name = "TooManyAttemptsError";
  constructor(readonly retryAfterSeconds: number) {
    super(`登录失败次数过多，请 ${Math.ceil(retryAfterSeconds / 60)} 分钟后再试`);
  }
}
