import { graphql } from "../../graphql";

/** A scoreboard with every entry's drill-down. */
export const ScoreboardFragment = graphql(`
  fragment Scoreboard_board on Scoreboard {
    period
    published
    publishedAt
    publishedBy {
      id
      displayName
    }
    schemeVersion
    scheme {
      passMark
      blockerTargetDays
      reportDueDay
    }
    yearElapsedShare
    entries {
      score
      rank
      mark
      missedTarget
      countedWeight
      unit {
        id
        code
        name
        shortName
      }
      components {
        component
        label
        weight
        counted
        exempted
        score
        points
        explanation
        excluded
      }
      exemptions {
        exemptionId
        projectCode
        projectName
        component
        startDate
        endDate
        reason
      }
    }
  }
`);
