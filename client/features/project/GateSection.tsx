// 阶段条件: the checklist to leave the current stage. MANUAL items are ticked with a document number
// by those who may edit; the others the server reads from the project's records.
import { graphql, readFragment, type FragmentOf } from "../../graphql";
import { STAGE_LABELS } from "../board/format";
import { GateItemStatus } from "./GateItemStatus";
import { ManualGateItem } from "./ManualGateItem";
import type { SectionProps } from "./sectionProps";

export const GateSectionFragment = graphql(`
  fragment GateSection_project on Project {
    id
    stage
    gate {
      label
      done
      check
      reference
      requirement {
        id
      }
    }
  }
`);

export function GateSection({ project: projectData, mayEdit, onSaved }: SectionProps<FragmentOf<typeof GateSectionFragment>>) {
  const project = readFragment(GateSectionFragment, projectData);
  return (
    <section className="drawer-section" aria-label="阶段条件">
      <h3 className="drawer-section__title">阶段条件</h3>
      {project.gate.length === 0 ? (
        <p className="drawer-section__empty">已竣工，无需阶段条件。</p>
      ) : (
        <>
          <p className="drawer-section__hint">离开「{STAGE_LABELS[project.stage]}」阶段需满足以下条件。</p>
          <ul className="gate-list">
            {project.gate.map((item) =>
              item.check === "MANUAL" && mayEdit ? (
                // Remounted from the server's values after a save; a failed save keeps the user's input.
                <ManualGateItem
                  key={`${item.requirement.id}:${item.done}:${item.reference ?? ""}`}
                  projectId={project.id}
                  item={item}
                  onSaved={onSaved}
                />
              ) : (
                <GateItemStatus key={item.requirement.id} item={item} />
              ),
            )}
          </ul>
        </>
      )}
    </section>
  );
}
