// A measure's progress to target: the bar fills from the baseline (0) to the target (100%), whatever
// the direction (for 师生比 a fall fills it); a tick marks where the years elapsed since 2022 expect it.
import type { FragmentOf } from "../../graphql";
import { graphql, readFragment } from "../../graphql";
import { barPercent, formatRatio, STATUS_LABELS } from "./indicatorFormat";

export const MeasureProgressFragment = graphql(`
  fragment MeasureProgress_measure on IndicatorMeasure {
    id
    progress {
      ratio
      expected
      status
      latestYear
    }
  }
`);

export function MeasureProgressBar({ measure: data, label }: { measure: FragmentOf<typeof MeasureProgressFragment>; label: string }) {
  const { progress } = readFragment(MeasureProgressFragment, data);
  const status = progress.status;
  return (
    <div className={`indicator-progress indicator-progress--${status.toLowerCase().replace("_", "-")}`}>
      <div
        className="indicator-progress__track"
        role="progressbar"
        aria-label={`${label}目标进度`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={barPercent(progress.ratio)}
        aria-valuetext={`${formatRatio(progress.ratio)}，${STATUS_LABELS[status]}`}
      >
        <span className="indicator-progress__fill" style={{ width: `${barPercent(progress.ratio)}%` }} />
        {progress.expected !== null && progress.expected < 1 && (
          <span className="indicator-progress__expected" style={{ left: `${progress.expected * 100}%` }} title={`${progress.latestYear} 年序时进度`} />
        )}
      </div>
      <span className="indicator-progress__text">
        {formatRatio(progress.ratio)}
        <span className="indicator-progress__status">{STATUS_LABELS[status]}</span>
      </span>
    </div>
  );
}
