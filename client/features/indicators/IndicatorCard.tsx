// One of the 22 indicators on the dashboard: for each measure, 2022 baseline → latest actual → 2025
// target and the progress bar. Pressing the card shows its chart, linked projects and entry form.
import { memo } from "react";
import { graphql, readFragment, type FragmentOf } from "../../graphql";
import { DIRECTION_LABELS, formatMeasureValue } from "./indicatorFormat";
import { MeasureFactsFragment } from "./measureFacts";
import { MeasureProgressBar, MeasureProgressFragment } from "./MeasureProgressBar";

export const IndicatorCardFragment = graphql(
  `
    fragment IndicatorCard_indicator on Indicator {
      id
      code
      name
      measures {
        id
        ...MeasureFacts_measure
        latest {
          year
          value
        }
        ...MeasureProgress_measure
      }
      links {
        project {
          id
        }
      }
    }
  `,
  [MeasureFactsFragment, MeasureProgressFragment],
);

interface IndicatorCardProps {
  indicator: FragmentOf<typeof IndicatorCardFragment>;
  selected: boolean;
  onSelect: (id: string) => void;
}

export const IndicatorCard = memo(function IndicatorCard({ indicator: data, selected, onSelect }: IndicatorCardProps) {
  const indicator = readFragment(IndicatorCardFragment, data);
  const several = indicator.measures.length > 1;
  return (
    <button
      type="button"
      className="indicator-card"
      aria-pressed={selected}
      onClick={() => onSelect(indicator.id)}
      aria-label={`${indicator.code}. ${indicator.name}，查看详情`}
    >
      <span className="indicator-card__head">
        <span className="indicator-card__code">{indicator.code}</span>
        <span className="indicator-card__name">{indicator.name}</span>
      </span>
      {indicator.measures.map((item) => {
        const measure = readFragment(MeasureFactsFragment, item);
        const { latest } = item;
        return (
          <span className="indicator-card__measure" key={measure.id}>
            {several && <span className="indicator-card__label">{measure.label.replace(indicator.name, "") || measure.label}</span>}
            <span className="indicator-card__values">
              <span title="2022 年基期">{measure.baselineText}</span>
              <span aria-hidden="true">→</span>
              <strong title={latest ? `${latest.year} 年实际` : "暂无实际值"}>
                {latest ? formatMeasureValue(measure, latest.value) : "—"}
                {latest && <small> ({latest.year})</small>}
              </strong>
              <span aria-hidden="true">→</span>
              <span title="2025 年目标">{measure.targetText}</span>
              {measure.direction === "LOWER" && <span className="indicator-card__lower">{DIRECTION_LABELS.LOWER}</span>}
            </span>
            <MeasureProgressBar measure={item} label={measure.label} />
          </span>
        );
      })}
      <span className="indicator-card__links">关联项目 {indicator.links.length} 个</span>
    </button>
  );
});
