// The signed-in user's role, from the cache (the app has read the viewer already). Read here rather
// than from the page's `viewer` prop, whose fragment lives in the board's module: importing it would
// pull the board into a chunk shared with these lazy pages.
import { useQuery } from "urql";
import { graphql } from "../../graphql";

const ViewerRoleDocument = graphql(`
  query ViewerRole {
    viewer { id role }
  }
`);
const ViewerRoleQuery = graphql.persisted("ViewerRole", ViewerRoleDocument);

export function useViewerRole() {
  const [{ data }] = useQuery({ query: ViewerRoleQuery });
  return data?.viewer?.role ?? null;
}
