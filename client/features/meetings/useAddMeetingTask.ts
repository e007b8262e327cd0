import { useCallback } from "react";
import { useMutation } from "urql";
import { graphql } from "../../graphql";
import { MeetingTaskFragment } from "./meetingTaskFragment";
import { outcomeOf } from "./meetingResult";

const AddMeetingTaskDocument = graphql(
  `
    mutation AddMeetingTask($input: AddMeetingTaskInput!) {
      addMeetingTask(input: $input) {
        __typename
        ... on AddMeetingTaskSuccess {
          task {
            id
            meeting { id tasks { ...MeetingTask_task } }
          }
        }
        ... on Error { message }
      }
    }
  `,
  [MeetingTaskFragment],
);
const AddMeetingTaskMutation = graphql.persisted("AddMeetingTask", AddMeetingTaskDocument);

/** 议定事项: records a decision as a task for a unit with a deadline; the meeting's task list follows. */
export function useAddMeetingTask() {
  const [state, execute] = useMutation(AddMeetingTaskMutation);
  const add = useCallback(
    async (input: { meetingId: string; unitId: string; projectId: string | null; decision: string; deadline: string }) => {
      const { data, error } = await execute({ input });
      return outcomeOf(error, data?.addMeetingTask, "AddMeetingTaskSuccess", () => true);
    },
    [execute],
  );
  return [state.fetching, add] as const;
}
