// The selected indicator: its note, a chart per measure (yearly values against the target), the
// office's entry form, and its linked projects.
import { forwardRef } from "react";
import { graphql, readFragment, type FragmentOf } from "../../graphql";
import { canEnterActuals, type IndicatorViewer } from "./indicatorAccess";
import { DIRECTION_LABELS } from "./indicatorFormat";
import { IndicatorChart, IndicatorChartFragment } from "./IndicatorChart";
import { IndicatorLinksFragment } from "./linkFields";
import { LinkedProjects } from "./LinkedProjects";
import { ValueEntryForm, ValueEntryFormFragment } from "./ValueEntryForm";

export const IndicatorDetailFragment = graphql(
  `
    fragment IndicatorDetail_indicator on Indicator {
      id
      code
      name
      note
      measures {
        id
        label
        direction
        ...IndicatorChart_measure
      }
      ...IndicatorLinks_indicator
      ...ValueEntryForm_indicator
    }
  `,
  [IndicatorChartFragment, IndicatorLinksFragment, ValueEntryFormFragment],
);

interface IndicatorDetailProps {
  indicator: FragmentOf<typeof IndicatorDetailFragment>;
  viewer: IndicatorViewer;
  /** Picked by the user (not the first shown by default): on a phone only a picked one shows. */
  chosen: boolean;
  onClose: () => void;
}

export const IndicatorDetail = forwardRef<HTMLElement, IndicatorDetailProps>(function IndicatorDetail({ indicator: data, viewer, chosen, onClose }, ref) {
  const indicator = readFragment(IndicatorDetailFragment, data);
  return (
    <section ref={ref} className="indicator-detail" data-chosen={chosen} aria-labelledby={`indicator-detail-${indicator.id}`} tabIndex={-1}>
      <h2 className="indicator-detail__title" id={`indicator-detail-${indicator.id}`}>
        <span className="indicator-card__code">{indicator.code}</span> {indicator.name}
      </h2>
      <button type="button" className="button button--ghost button--small indicator-detail__close" onClick={onClose}>
        收起
      </button>
      {indicator.note && <p className="indicator-detail__note">注：{indicator.note}</p>}
      {indicator.measures.map((measure) => (
        <div key={measure.id} className="indicator-detail__chart">
          <h3 className="indicator-detail__subtitle">
            {measure.label} <small>{DIRECTION_LABELS[measure.direction]}</small>
          </h3>
          <IndicatorChart measure={measure} />
        </div>
      ))}
      {canEnterActuals(viewer) && (
        <div className="indicator-detail__entry">
          <h3 className="indicator-detail__subtitle">填报年度实际值</h3>
          <ValueEntryForm key={indicator.id} indicator={indicator} />
        </div>
      )}
      <LinkedProjects indicator={indicator} viewer={viewer} />
    </section>
  );
});
