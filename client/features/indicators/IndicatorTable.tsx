// The 22 indicators as a table, a row per measure (indicators 5–7 have two), as the XLSX export
// (GET /export/indicators.xlsx) has them.
import { graphql, readFragment, type FragmentOf } from "../../graphql";
import { MeasureFactsFragment } from "./measureFacts";
import { ACTUAL_YEARS, DIRECTION_LABELS, formatMeasureValue, formatRatio, STATUS_LABELS } from "./indicatorFormat";

export const IndicatorTableFragment = graphql(
  `
  fragment IndicatorTable_indicator on Indicator {
    id
    code
    name
    measures {
      id
      ...MeasureFacts_measure
      values {
        year
        value
      }
      progress {
        ratio
        status
      }
    }
    links {
      project {
        id
      }
    }
  }
`,
  [MeasureFactsFragment],
);

export const INDICATOR_EXPORT_URL = "/export/indicators.xlsx";

interface IndicatorTableProps {
  indicators: readonly FragmentOf<typeof IndicatorTableFragment>[];
  onSelect: (id: string) => void;
}

export function IndicatorTable({ indicators: data, onSelect }: IndicatorTableProps) {
  const indicators = data.map((d) => readFragment(IndicatorTableFragment, d));
  return (
    <div className="indicator-table__scroll">
      <table className="indicator-table">
        <caption className="visually-hidden">22 项指标的基期、年度实际值、目标与进度</caption>
        <thead>
          <tr>
            <th scope="col">序号</th>
            <th scope="col">指标</th>
            <th scope="col">2022 基期</th>
            {ACTUAL_YEARS.map((year) => (
              <th scope="col" key={year}>
                {year}
              </th>
            ))}
            <th scope="col">2025 目标</th>
            <th scope="col">方向</th>
            <th scope="col">进度</th>
            <th scope="col">状态</th>
            <th scope="col">关联项目</th>
          </tr>
        </thead>
        <tbody>
          {indicators.flatMap((indicator) =>
            indicator.measures.map((data, i) => {
              const measure = { ...data, ...readFragment(MeasureFactsFragment, data) };
              const byYear = new Map(measure.values.map((v) => [v.year, v.value]));
              return (
                <tr key={measure.id}>
                  <td>{i === 0 ? indicator.code : ""}</td>
                  <th scope="row">
                    <button type="button" className="indicator-table__name" onClick={() => onSelect(indicator.id)}>
                      {indicator.measures.length > 1 ? measure.label : indicator.name}
                    </button>
                  </th>
                  <td>{measure.baselineText}</td>
                  {ACTUAL_YEARS.map((year) => {
                    const value = byYear.get(year);
                    return <td key={year}>{value === undefined ? "—" : formatMeasureValue(measure, value)}</td>;
                  })}
                  <td>{measure.targetText}</td>
                  <td>{DIRECTION_LABELS[measure.direction]}</td>
                  <td>{formatRatio(measure.progress.ratio)}</td>
                  <td data-status={measure.progress.status}>{STATUS_LABELS[measure.progress.status]}</td>
                  <td>{i === 0 ? indicator.links.length : ""}</td>
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
    </div>
  );
}
