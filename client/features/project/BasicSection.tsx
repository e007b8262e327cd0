// 基本信息: the project's details; those who may edit get 编辑, which turns the section into a form.
import { useState } from "react";
import { graphql, readFragment, type FragmentOf, type ResultOf } from "../../graphql";
import { BasicFacts } from "./BasicFacts";
import { BasicForm } from "./BasicForm";
import { BusyButton } from "./BusyButton";
import { useReturnFocus } from "./useReturnFocus";
import { useSaving } from "./useSaving";

export const BasicSectionFragment = graphql(`
  fragment BasicSection_project on Project {
    id
    code
    name
    description
    stage
    version
    totalInvestment
    completedInvestment
    plannedStart
    plannedCompletion
    targetQuantity
    targetUnit
    acceptanceDate
    acceptanceRef
    responsibleUnit {
      id
      name
    }
    ownerUnit {
      id
      name
    }
    township {
      id
      name
    }
    fundingSources {
      kind
      amount
    }
  }
`);

export type BasicProject = ResultOf<typeof BasicSectionFragment>;

interface BasicSectionProps {
  project: FragmentOf<typeof BasicSectionFragment>;
  mayEdit: boolean;
  /** Reads the project again from the server; null when that failed. */
  reload: () => Promise<FragmentOf<typeof BasicSectionFragment> | null>;
}

export function BasicSection({ project: projectData, mayEdit, reload }: BasicSectionProps) {
  const project = readFragment(BasicSectionFragment, projectData);
  // The form starts from the project as the server has it now, not from what the cache may hold.
  const [editing, setEditing] = useState<BasicProject | null>(null);
  const [opening, runOpening] = useSaving();
  const [openFailure, setOpenFailure] = useState<string | null>(null);
  const editButton = useReturnFocus<HTMLButtonElement>(editing !== null);

  const latest = async () => {
    const fresh = await reload();
    return fresh && readFragment(BasicSectionFragment, fresh);
  };

  function edit() {
    setOpenFailure(null);
    void runOpening(async () => {
      const fresh = await latest();
      if (fresh) setEditing(fresh);
      else setOpenFailure("无法读取项目的最新信息，请检查网络后重试。");
    });
  }

  return (
    <section className="drawer-section" aria-label="基本信息">
      <div className="drawer-section__head">
        <h3 className="drawer-section__title">基本信息</h3>
        {mayEdit && !editing && (
          <BusyButton ref={editButton} busy={opening} busyLabel="正在读取…" onClick={edit}>
            编辑
          </BusyButton>
        )}
      </div>
      {openFailure && (
        <p className="form-message form-message--error" role="alert">
          {openFailure}
        </p>
      )}
      {editing ? <BasicForm project={editing} reload={latest} onClose={() => setEditing(null)} /> : <BasicFacts project={project} />}
    </section>
  );
}
