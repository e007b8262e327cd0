// An indicator's linked projects (e.g. 城镇学校 → 师生比) with their stage and investment; a name
// opens the project drawer. Project editors link and unlink (an owner only its own unit's projects).
import { useState } from "react";
import { useProjectParam } from "../../app/useActionParam";
import { readFragment, type FragmentOf } from "../../graphql";
import { formatInvestment, STAGE_LABELS } from "../board/format";
import { canMoveProject } from "../board/moveRules";
import { BusyButton } from "../project/BusyButton";
import { useSaving } from "../project/useSaving";
import { IndicatorLinksFragment } from "./linkFields";
import { ProjectLinkSearch } from "./ProjectLinkSearch";
import type { IndicatorViewer } from "./indicatorAccess";
import { useUnlinkProjectIndicator } from "./useLinkProjectIndicator";

interface LinkedProjectsProps {
  indicator: FragmentOf<typeof IndicatorLinksFragment>;
  viewer: IndicatorViewer;
}

export function LinkedProjects({ indicator: data, viewer }: LinkedProjectsProps) {
  const indicator = readFragment(IndicatorLinksFragment, data);
  const [, openProject] = useProjectParam();
  const unlink = useUnlinkProjectIndicator();
  const [busy, run] = useSaving();
  const [pending, setPending] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const mayLink = viewer.role !== "LEADER" && viewer.role !== "AUDITOR";
  const total = indicator.links.reduce((sum, link) => sum + Number(link.project.totalInvestment), 0);

  function remove(projectId: string, name: string) {
    setPending(projectId);
    void run(async () => {
      const outcome = await unlink(projectId, indicator.id);
      setMessage(outcome.ok ? `已取消关联：${name}` : `取消关联失败：${outcome.message}`);
      setPending(null);
    });
  }

  return (
    <div className="indicator-links">
      <h3 className="indicator-detail__subtitle">
        关联项目 <span className="indicator-links__count">{indicator.links.length} 个，总投资 {formatInvestment(total)}</span>
      </h3>
      {indicator.links.length === 0 ? (
        <p className="indicator-links__empty">尚无关联项目。</p>
      ) : (
        <ul className="indicator-links__list">
          {indicator.links.map(({ project }) => (
            <li key={project.id} className="indicator-link">
              <button type="button" className="indicator-link__name" onClick={() => openProject(project.id)}>
                {project.name}
              </button>
              <span className="indicator-link__meta">
                <span className="indicator-link__stage" data-stage={project.stage}>{STAGE_LABELS[project.stage]}</span>
                <span>{project.code}</span>
                <span>{project.responsibleUnit.shortName}</span>
                <span>
                  {formatInvestment(project.completedInvestment)} / {formatInvestment(project.totalInvestment)}
                </span>
              </span>
              {mayLink && canMoveProject(viewer, project.responsibleUnit.id) && (
                <BusyButton busy={busy && pending === project.id} busyLabel="正在取消…" onClick={() => remove(project.id, project.name)} title={`取消${project.name}与本指标的关联`}>
                  取消关联
                </BusyButton>
              )}
            </li>
          ))}
        </ul>
      )}
      {message && (
        <p className="indicator-links__message" role="status">
          {message}
        </p>
      )}
      {mayLink && <ProjectLinkSearch indicatorId={indicator.id} linkedIds={indicator.links.map((l) => l.project.id)} viewer={viewer} onDone={setMessage} />}
    </div>
  );
}
