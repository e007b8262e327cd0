// Decides between the sign-in page and the application, from `viewer`.
import { useQuery } from "urql";
import { SignInPage } from "../features/auth/SignInPage";
import { UserMenuFragment } from "../features/auth/UserMenu";
import { MovableBoardViewerFragment } from "../features/board/MovableBoard";
import { graphql } from "../graphql";
import { AppShell } from "./AppShell";
import { describeError } from "./errors";
import { StatusScreen } from "./StatusScreen";

const ViewerQueryDocument = graphql(
  `
    query Viewer {
      viewer {
        id
        ...UserMenu_user
        ...MovableBoard_viewer
      }
    }
  `,
  [UserMenuFragment, MovableBoardViewerFragment],
);
// Sent as its hash only (persisted operations); the build lists every such document.
const ViewerQuery = graphql.persisted("Viewer", ViewerQueryDocument);

export function App() {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ViewerQuery });

  if (!data && fetching) return <StatusScreen message="正在加载…" />;
  if (!data && error) {
    return (
      <StatusScreen
        message={describeError(error)}
        action={{ label: "重试", onClick: () => reexecute({ requestPolicy: "network-only" }) }}
      />
    );
  }
  if (!data?.viewer) return <SignInPage />;
  return <AppShell viewer={data.viewer} />;
}
