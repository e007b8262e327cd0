// What the cards and the table show of every measure: its label, how its values are written, its
// direction, and its baseline and target as shown.
import { graphql } from "../../graphql";

export const MeasureFactsFragment = graphql(`
  fragment MeasureFacts_measure on IndicatorMeasure {
    id
    label
    unit
    format
    direction
    baselineText
    targetText
  }
`);
