import { useMutation } from "urql";
import { useSession } from "../../app/SessionProvider";
import { graphql } from "../../graphql";

const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

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
