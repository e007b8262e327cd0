import { useCallback } from "react";
import { useMutation } from "urql";
import { graphql } from "../../graphql";
import { MeetingTaskFragment } from "./meetingTaskFragment";
import { outcomeOf } from "./meetingResult";

const CloseMeetingTaskDocument = graphql(
  `
    mutation CloseMeetingTask($input: CloseMeetingTaskInput!) {
      closeMeetingTask(input: $input) {
        __typename
        ... on CloseMeetingTaskSuccess { task { id ...MeetingTask_task } }
        ... on Error { message }
      }
    }
  `,
  [MeetingTaskFragment],
);
const CloseMeetingTaskMutation = graphql.persisted("CloseMeetingTask", CloseMeetingTaskDocument);

/** 办结: closes a task with a note on what was done. */
export function useCloseMeetingTask() {
  const [state, execute] = useMutation(CloseMeetingTaskMutation);
  const close = useCallback(
    async (input: { taskId: string; note: string }) => {
      const { data, error } = await execute({ input });
      return outcomeOf(error, data?.closeMeetingTask, "CloseMeetingTaskSuccess", () => true);
    },
    [execute],
  );
  return [state.fetching, close] as const;
}
