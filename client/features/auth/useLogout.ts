import { useMutation } from "urql";
import { useSession } from "../../app/SessionProvider";
import { graphql } from "../../graphql";

const LogoutMutationDocument = graphql(`
  mutation Logout {
    logout
  }
`);
// Sent as its hash only (persisted operations); the build lists every such document.
const LogoutMutation = graphql.persisted("Logout", LogoutMutationDocument);

export function useLogout() {
  const [{ fetching }, executeLogout] = useMutation(LogoutMutation);
  const { resetSession } = useSession();

  async function logout(): Promise<void> {
    await executeLogout({});
    // Whatever the server answered (an expired session fails with UNAUTHENTICATED), the cache
    // goes and the sign-in page shows once `viewer` is asked again.
    resetSession();
  }

  return { logout, fetching };
}
