import { useMutation } from "urql";
import { graphql } from "../../graphql";
import { outcomeOf } from "./outcome";
import { ScoreboardFragment } from "./scoreboardFragment";

const PublishScoreboardDocument = graphql(
  `
    mutation PublishScoreboard($input: PublishScoreboardInput!) {
      publishScoreboard(input: $input) {
        __typename
        ... on PublishScoreboardSuccess {
          alreadyPublished
          scoreboard {
            ...Scoreboard_board
          }
        }
        ... on Error {
          message
        }
        ... on ValidationError {
          field
        }
      }
    }
  `,
  [ScoreboardFragment],
);
const PublishScoreboardMutation = graphql.persisted("PublishScoreboard", PublishScoreboardDocument);

/** 发布红黑榜 (the office): freezes the period; publishing again answers alreadyPublished. */
export function usePublishScoreboard() {
  const [{ fetching }, execute] = useMutation(PublishScoreboardMutation);
  const publish = async (period: string) => {
    const result = await execute({ input: { period } });
    return outcomeOf(result.error, result.data?.publishScoreboard, "PublishScoreboardSuccess");
  };
  return { publish, fetching };
}
