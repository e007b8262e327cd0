// 堵点: what holds the project up (要素保障), open ones first. Those who may edit raise one and
// resolve an open one, saying how.
import { useState } from "react";
import { graphql, readFragment, type FragmentOf } from "../../graphql";
import { BlockerItem } from "./BlockerItem";
import { RaiseBlockerForm } from "./RaiseBlockerForm";
import { useReturnFocus } from "./useReturnFocus";
import type { SectionProps } from "./sectionProps";

export const BlockersSectionFragment = graphql(`
  fragment BlockersSection_project on Project {
    id
    blockers {
      id
      kind
      description
      raisedAt
      resolvedAt
      resolution
    }
  }
`);

export function BlockersSection({ project: projectData, mayEdit, onSaved }: SectionProps<FragmentOf<typeof BlockersSectionFragment>>) {
  const project = readFragment(BlockersSectionFragment, projectData);
  const [raising, setRaising] = useState(false);
  const raiseButton = useReturnFocus<HTMLButtonElement>(raising);
  // Open ones first, each group newest first.
  const sorted = [...project.blockers].sort((a, b) => {
    const openA = a.resolvedAt === null ? 0 : 1;
    const openB = b.resolvedAt === null ? 0 : 1;
    return openA - openB || b.raisedAt.localeCompare(a.raisedAt);
  });

  return (
    <section className="drawer-section" aria-label="堵点">
      <div className="drawer-section__head">
        <h3 className="drawer-section__title">堵点</h3>
        {mayEdit && !raising && (
          <button ref={raiseButton} className="button button--small" type="button" onClick={() => setRaising(true)}>
            提出堵点
          </button>
        )}
      </div>
      {raising && (
        <RaiseBlockerForm
          projectId={project.id}
          onSaved={async () => {
            await onSaved();
            setRaising(false);
          }}
          onCancel={() => setRaising(false)}
        />
      )}
      {sorted.length === 0 ? (
        <p className="drawer-section__empty">暂无堵点。</p>
      ) : (
        <ul className="blocker-list">
          {sorted.map((blocker) => (
            <BlockerItem key={blocker.id} blocker={blocker} mayEdit={mayEdit} onSaved={onSaved} />
          ))}
        </ul>
      )}
    </section>
  );
}
