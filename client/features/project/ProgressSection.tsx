// 月度进度: the monthly progress reports, newest month first, and for those who may edit a form to
// report a month (or revise one already reported).
import { useState } from "react";
import { graphql, readFragment, type FragmentOf } from "../../graphql";
import { formatInvestment } from "../board/format";
import { formatDateTime, formatMonth } from "./labels";
import { ProgressReportForm } from "./ProgressReportForm";
import { useReturnFocus } from "./useReturnFocus";
import type { SectionProps } from "./sectionProps";

/** Reports shown before 显示全部: the last half year. */
const RECENT = 6;

export const ProgressSectionFragment = graphql(`
  fragment ProgressSection_project on Project {
    id
    totalInvestment
    completedInvestment
    progressReports {
      id
      month
      investmentThisMonth
      narrative
      problems
      reportedAt
    }
  }
`);

export function ProgressSection({ project: projectData, mayEdit, onSaved }: SectionProps<FragmentOf<typeof ProgressSectionFragment>>) {
  const project = readFragment(ProgressSectionFragment, projectData);
  const [reporting, setReporting] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const reportButton = useReturnFocus<HTMLButtonElement>(reporting);
  const [showAll, setShowAll] = useState(false);
  const reports = showAll ? project.progressReports : project.progressReports.slice(0, RECENT);
  const total = Number(project.totalInvestment);
  const share = total > 0 ? Math.min(100, (Number(project.completedInvestment) / total) * 100) : null;

  return (
    <section className="drawer-section" aria-label="月度进度">
      <div className="drawer-section__head">
        <h3 className="drawer-section__title">月度进度</h3>
        {mayEdit && !reporting && (
          <button
            ref={reportButton}
            className="button button--small"
            type="button"
            onClick={() => {
              setSaved(null);
              setReporting(true);
            }}
          >
            填报进度
          </button>
        )}
      </div>
      <p className="drawer-section__hint">
        累计完成投资 {formatInvestment(project.completedInvestment)}
        {share !== null && `，占总投资 ${share.toFixed(1)}%`}
      </p>
      {saved && (
        <p className="form-message drawer-form__notice" role="status">
          {saved}
        </p>
      )}
      {reporting && (
        <ProgressReportForm
          project={project}
          onSaved={onSaved}
          onDone={(month) => {
            setReporting(false);
            setSaved(`已报送${formatMonth(month)}进度。`);
          }}
          onCancel={() => setReporting(false)}
        />
      )}
      {project.progressReports.length === 0 ? (
        <p className="drawer-section__empty">尚未报送月度进度。</p>
      ) : (
        <>
          <ol className="progress-list" aria-label="已报送的月度进度">
            {reports.map((report) => (
              <li key={report.id} className="progress-report">
                <p className="progress-report__head">
                  <strong>{formatMonth(report.month)}</strong>
                  <span>本月完成投资 {formatInvestment(report.investmentThisMonth)}</span>
                  <span className="progress-report__date">{formatDateTime(report.reportedAt)} 报送</span>
                </p>
                <p className="progress-report__text">{report.narrative}</p>
                {report.problems && <p className="progress-report__problems">存在问题：{report.problems}</p>}
              </li>
            ))}
          </ol>
          {reports.length < project.progressReports.length && (
            <button className="button button--small button--ghost progress-list__more" type="button" onClick={() => setShowAll(true)}>
              显示全部 {project.progressReports.length} 个月
            </button>
          )}
        </>
      )}
    </section>
  );
}
