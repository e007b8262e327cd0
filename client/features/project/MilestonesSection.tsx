// 节点（倒排工期）: the stage milestones, planned backwards from the planned completion date. Those who
// may edit record a milestone done (完成) and plan them (生成节点) once there is a completion date.
import { useState } from "react";
import { graphql, readFragment, type FragmentOf } from "../../graphql";
import { BusyButton } from "./BusyButton";
import { MilestoneItem } from "./MilestoneItem";
import { useGenerateMilestones } from "./useGenerateMilestones";
import { useSaving } from "./useSaving";
import type { SectionProps } from "./sectionProps";

export const MilestonesSectionFragment = graphql(`
  fragment MilestonesSection_project on Project {
    id
    plannedCompletion
    milestones {
      id
      name
      plannedDate
      actualDate
      overdue
    }
  }
`);

export function MilestonesSection({ project: projectData, mayEdit, onSaved }: SectionProps<FragmentOf<typeof MilestonesSectionFragment>>) {
  const project = readFragment(MilestonesSectionFragment, projectData);
  const generateMilestones = useGenerateMilestones();
  const [generating, runGenerate] = useSaving();
  const [failure, setFailure] = useState<string | null>(null);

  function generate() {
    setFailure(null);
    void runGenerate(async () => {
      const outcome = await generateMilestones({ input: { projectId: project.id } });
      if (outcome.ok) await onSaved();
      else setFailure(`生成失败：${outcome.message}`);
    });
  }

  return (
    <section className="drawer-section" aria-label="节点（倒排工期）">
      <div className="drawer-section__head">
        <h3 className="drawer-section__title">节点（倒排工期）</h3>
        {mayEdit && project.plannedCompletion && (
          <BusyButton busy={generating} busyLabel="正在生成…" onClick={generate} title="按计划竣工日期倒排各阶段节点；已完成的节点保持不变">
            生成节点
          </BusyButton>
        )}
      </div>
      {mayEdit && !project.plannedCompletion && (
        <p className="drawer-section__hint">填写计划竣工日期（基本信息 → 编辑）后，可按倒排工期生成节点。</p>
      )}
      {mayEdit && project.plannedCompletion && (
        <p className="drawer-section__hint">按计划竣工日期 {project.plannedCompletion} 倒排；重新生成时已完成的节点保持不变。</p>
      )}
      {failure && (
        <p className="form-message form-message--error" role="alert">
          {failure}
        </p>
      )}
      {project.milestones.length === 0 ? (
        <p className="drawer-section__empty">尚未排定节点。</p>
      ) : (
        <ol className="timeline">
          {project.milestones.map((milestone) => (
            <MilestoneItem key={milestone.id} milestone={milestone} mayEdit={mayEdit} onSaved={onSaved} />
          ))}
        </ol>
      )}
    </section>
  );
}
