// Linking and unlinking a project and an indicator: one hook per mutation, both answering the
// indicator's linked projects (IndicatorLinks_indicator) so graphcache replaces the list.
import { useCallback } from "react";
import { useMutation } from "urql";
import { graphql } from "../../graphql";
import { IndicatorLinksFragment } from "./linkFields";
import { outcomeOf, type Outcome } from "./mutationOutcome";

const LinkDocument = graphql(
  `mutation LinkProjectIndicator($input: ProjectIndicatorInput!) { linkProjectIndicator(input: $input) {
    __typename ... on LinkProjectIndicatorSuccess { indicator { id ...IndicatorLinks_indicator } }
    ... on Error { message } ... on ValidationError { field } } }`,
  [IndicatorLinksFragment],
);
const UnlinkDocument = graphql(
  `mutation UnlinkProjectIndicator($input: ProjectIndicatorInput!) { unlinkProjectIndicator(input: $input) {
    __typename ... on UnlinkProjectIndicatorSuccess { indicator { id ...IndicatorLinks_indicator } }
    ... on Error { message } ... on ValidationError { field } } }`,
  [IndicatorLinksFragment],
);
// Sent as their hashes only (persisted operations); the build lists every such document.
const LinkMutation = graphql.persisted("LinkProjectIndicator", LinkDocument);
const UnlinkMutation = graphql.persisted("UnlinkProjectIndicator", UnlinkDocument);

type LinkChange = (projectId: string, indicatorId: string) => Promise<Outcome>;

/** Links a project to an indicator it moves (the office, or the project's editors). */
export function useLinkProjectIndicator(): LinkChange {
  const [, execute] = useMutation(LinkMutation);
  return useCallback(
    async (projectId, indicatorId) => {
      const result = await execute({ input: { projectId, indicatorId } });
      return outcomeOf(result.error, result.data?.linkProjectIndicator, "LinkProjectIndicatorSuccess");
    },
    [execute],
  );
}

/** Unlinks them; the server keeps the link as history (audited). */
export function useUnlinkProjectIndicator(): LinkChange {
  const [, execute] = useMutation(UnlinkMutation);
  return useCallback(
    async (projectId, indicatorId) => {
      const result = await execute({ input: { projectId, indicatorId } });
      return outcomeOf(result.error, result.data?.unlinkProjectIndicator, "UnlinkProjectIndicatorSuccess");
    },
    [execute],
  );
}
