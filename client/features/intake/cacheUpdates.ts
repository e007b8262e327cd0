// After projects are registered, what lists them is read again: the boards (which may not be on
// screen, so no live event reaches them), project lists and the actions' progress in the tabs.
import type { Cache, UpdatesConfig } from "@urql/exchange-graphcache";

function invalidateProjectLists(cache: Cache): void {
  for (const field of cache.inspectFields("Query")) {
    if (field.fieldName === "board" || field.fieldName === "projects") cache.invalidate("Query", field.fieldName, field.arguments);
  }
  const actions = cache.resolve("Query", "actions");
  if (Array.isArray(actions)) {
    for (const action of actions) if (typeof action === "string") cache.invalidate(action, "summary");
  }
}

type Payload = { __typename?: string; outcome?: { written?: boolean } } | null | undefined;

export const intakeUpdates = {
  createProject(result, _args, cache) {
    if ((result.createProject as Payload)?.__typename === "CreateProjectSuccess") invalidateProjectLists(cache);
  },
  importProjects(result, _args, cache) {
    if ((result.importProjects as Payload)?.outcome?.written) invalidateProjectLists(cache);
  },
} satisfies NonNullable<UpdatesConfig["Mutation"]>;
