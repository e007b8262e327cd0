import { useMutation } from "urql";
import { describeError, hasErrorCode } from "../../app/errors";
import { graphql, type ResultOf } from "../../graphql";

const ImportProjectsMutationDocument = graphql(`
  mutation ImportProjects($input: ImportProjectsInput!) {
    importProjects(input: $input) {
      __typename
      ... on ImportProjectsSuccess {
        outcome {
          written
          created
          rows {
            row
            code
            name
            problems {
              field
              message
            }
            project {
              id
              code
            }
          }
        }
      }
      ... on Error {
        message
      }
    }
  }
`);
// Sent as its hash only (persisted operations); the build lists every such document.
export const ImportProjectsMutation = graphql.persisted("ImportProjects", ImportProjectsMutationDocument);

type Success = Extract<NonNullable<ResultOf<typeof ImportProjectsMutationDocument>["importProjects"]>, { __typename: "ImportProjectsSuccess" }>;
export type ImportOutcome = Success["outcome"];
export type ImportRowResult = ImportOutcome["rows"][number];

export type ImportProjectsResult =
  | { ok: true; outcome: ImportOutcome }
  /** `uncertain`: no answer came back (the connection failed), so whether a write happened is unknown. */
  | { ok: false; message: string; uncertain: boolean };

/**
 * Sends an 项目清单 (.xlsx, base64) to importProjects: with `dryRun` every row is checked and nothing
 * written; without, all rows are written or, when any has a problem, none.
 */
export function useImportProjects() {
  const [{ fetching }, execute] = useMutation(ImportProjectsMutation);

  async function importProjects(fileBase64: string, dryRun: boolean): Promise<ImportProjectsResult> {
    const result = await execute({ input: { fileBase64, dryRun } });
    if (result.error) {
      const message = hasErrorCode(result.error, "BAD_USER_INPUT") ? "文件无法提交，请检查后重试。" : describeError(result.error);
      return { ok: false, message, uncertain: Boolean(result.error.networkError) };
    }
    const payload = result.data?.importProjects;
    if (!payload) return { ok: false, message: "服务器没有答复，请稍后重试。", uncertain: true };
    if (payload.__typename === "ImportProjectsSuccess") return { ok: true, outcome: payload.outcome };
    return { ok: false, message: payload.message, uncertain: false };
  }

  return { importProjects, fetching };
}
