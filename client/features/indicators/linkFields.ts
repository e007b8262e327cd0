// The fields of an indicator's linked projects that the page shows, shared by the page's query and
// the link/unlink mutations so graphcache replaces the list in one piece.
import { graphql } from "../../graphql";

export const IndicatorLinksFragment = graphql(`
  fragment IndicatorLinks_indicator on Indicator {
    id
    name
    links {
      linkedAt
      project {
        id
        code
        name
        stage
        totalInvestment
        completedInvestment
        responsibleUnit {
          id
          shortName
        }
      }
    }
  }
`);
