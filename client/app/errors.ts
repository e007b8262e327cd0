// Turns transport and GraphQL errors into messages for the user, in Chinese.
import type { CombinedError } from "urql";

/** Error codes the server puts in `extensions.code` (server/builder.ts, server/yoga.ts). */
type ServerErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "BAD_USER_INPUT" | "INTERNAL_SERVER_ERROR" | "DATABASE_UNAVAILABLE";

export function errorCodes(error: CombinedError): string[] {
  return error.graphQLErrors.flatMap((e) => (typeof e.extensions.code === "string" ? [e.extensions.code] : []));
}

export function hasErrorCode(error: CombinedError, code: ServerErrorCode): boolean {
  return errorCodes(error).includes(code);
}

export function describeError(error: CombinedError): string {
  if (error.networkError) return "无法连接服务器，请检查网络后重试。";
  if (hasErrorCode(error, "DATABASE_UNAVAILABLE")) return "数据库暂时不可用，请稍后重试。";
  if (hasErrorCode(error, "UNAUTHENTICATED")) return "登录已失效，请重新登录。";
  if (hasErrorCode(error, "FORBIDDEN")) return "当前账号无权查看此内容。";
  if (hasErrorCode(error, "BAD_USER_INPUT")) return "查询条件有误，请调整后重试。";
  const first = error.graphQLErrors[0];
  const requestId = first?.extensions.requestId;
  return typeof requestId === "string"
    ? `服务器处理出错，请稍后重试（请求编号 ${requestId}）。`
    : "服务器处理出错，请稍后重试。";
}
