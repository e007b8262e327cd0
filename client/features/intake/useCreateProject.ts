import { useMutation } from "urql";
import { describeError, hasErrorCode } from "../../app/errors";
import { graphql } from "../../graphql";
import { isFieldName, toCreateProjectInput, type FieldName, type ProjectFormValues } from "./projectForm";

const CreateProjectMutationDocument = graphql(`
  mutation CreateProject($input: CreateProjectInput!) {
    createProject(input: $input) {
      __typename
      ... on CreateProjectSuccess {
        project {
          id
          code
          name
          stage
          version
          action {
            id
            code
            name
          }
        }
      }
      ... on Error {
        message
      }
      ... on ValidationError {
        field
      }
    }
  }
`);
// Sent as its hash only (persisted operations); the build lists every such document.
export const CreateProjectMutation = graphql.persisted("CreateProject", CreateProjectMutationDocument);

export interface CreatedProject {
  id: string;
  code: string;
  name: string;
  actionCode: number;
  actionName: string;
}

export type CreateProjectOutcome =
  | { ok: true; project: CreatedProject }
  /** `field`: the form field the server names (ValidationError), else the message is the form's. */
  | { ok: false; message: string; field: FieldName | null };

/** Registers a new project in 储备 (createProject) from the checked form. */
export function useCreateProject() {
  const [{ fetching }, execute] = useMutation(CreateProjectMutation);

  async function createProject(values: ProjectFormValues): Promise<CreateProjectOutcome> {
    const result = await execute({ input: toCreateProjectInput(values) });
    if (result.error) {
      const message = hasErrorCode(result.error, "BAD_USER_INPUT")
        ? "提交的内容格式有误，请检查后重试。"
        : `保存失败：${describeError(result.error)}`;
      return { ok: false, message, field: null };
    }
    const payload = result.data?.createProject;
    if (!payload) return { ok: false, message: "保存失败，请稍后重试。", field: null };
    switch (payload.__typename) {
      case "CreateProjectSuccess": {
        const { project } = payload;
        return {
          ok: true,
          project: { id: project.id, code: project.code, name: project.name, actionCode: project.action.code, actionName: project.action.name },
        };
      }
      case "ValidationError":
        return { ok: false, message: payload.message, field: isFieldName(payload.field) ? payload.field : null };
      case "ForbiddenError":
      case "NotFoundError":
      case "StaleVersionError":
        return { ok: false, message: payload.message, field: null };
    }
  }

  return { createProject, fetching };
}
