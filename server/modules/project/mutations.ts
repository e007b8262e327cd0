// What every project mutation shares: the errors it returns as data, and the live event it publishes
// once its transaction has committed.
import type { Project } from "@prisma/client";
import type { Context } from "../../context.js";
import { ForbiddenError, NotFoundError, StaleVersionError, ValidationError } from "../common/errors.js";
/** `<Name>Result = <Name>Success { project } | ValidationError | StaleVersionError | ForbiddenError | NotFoundError`. */
export function changeErrors(name: string) {
  return {
    types: [ValidationError, StaleVersionError, ForbiddenError, NotFoundError],
    union: { name: `${name}Result` },
    result: { name: `${name}Success` },
    dataField: { name: "project" },
  };
}

export async function publishChange<P extends Pick<Project, "id" | "actionId">>(context: Context, project: P, action: string): Promise<P> {
  context.pubsub.publish("board:changed", project.actionId, { projectId: project.id, action, at: new Date().toISOString() });
  return project;
}
