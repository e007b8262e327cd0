// What the drawer's mutation hooks share: send the mutation, read its result union as a SaveOutcome.
// Each hook (useRaiseBlocker, useUpdateProject, …) names its document and where its payload is.
import { useCallback } from "react";
import { useMutation, type AnyVariables, type DocumentInput } from "urql";
import { saveOutcome, type ChangePayload, type SaveOutcome } from "./projectChange";

export function useProjectChange<Data, Variables extends AnyVariables>(
  document: DocumentInput<Data, Variables>,
  payloadOf: (data: Data) => ChangePayload | null | undefined,
): (variables: Variables) => Promise<SaveOutcome> {
  const [, execute] = useMutation<Data, Variables>(document);
  return useCallback(
    async (variables: Variables) => {
      const result = await execute(variables);
      return saveOutcome(result.error, result.data ? payloadOf(result.data) : null);
    },
    // payloadOf only picks a field of the answer: a new function each render changes nothing.
    [execute],
  );
}
