// A meeting task as lists show it; its own module, shared by the lists and the mutations that answer it.
import { graphql } from "../../graphql";

export const MeetingTaskFragment = graphql(`
  fragment MeetingTask_task on MeetingTask {
    id
    decision
    deadline
    status
    overdue
    closedAt
    closeNote
    unit { id shortName name }
    project { id code name }
  }
`);

