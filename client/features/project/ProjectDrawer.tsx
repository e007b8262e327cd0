// The project drawer (项目详情): opened from a card, kept in the URL (&project=<id>), read from
// node(id). A side drawer on wide screens, a full-screen sheet on phones. Each section reads its own
// fragment; those who may edit the project (canMoveProject, as the server's policy) get its forms.
import { useCallback, useEffect, useId, useRef } from "react";
import { useClient, useQuery } from "urql";
import { describeError } from "../../app/errors";
import { graphql, readFragment, type FragmentOf } from "../../graphql";
import { MovableBoardViewerFragment } from "../board/MovableBoard";
import { canMoveProject } from "../board/moveRules";
import { BasicSection, BasicSectionFragment } from "./BasicSection";
import { BlockersSection, BlockersSectionFragment } from "./BlockersSection";
import { GateSection, GateSectionFragment } from "./GateSection";
import { HistorySection, HistorySectionFragment } from "./HistorySection";
import { IndicatorsSection, IndicatorsSectionFragment } from "./IndicatorsSection";
import { MilestonesSection, MilestonesSectionFragment } from "./MilestonesSection";
import { ProgressSection, ProgressSectionFragment } from "./ProgressSection";
import "./project.css";

const ProjectDrawerQueryDocument = graphql(
  `
    query ProjectDrawer($id: ID!) {
      node(id: $id) {
        __typename
        id
        ... on Project {
          code
          name
          version
          openNoticeCount
          responsibleUnit {
            id
          }
          ...BasicSection_project
          ...GateSection_project
          ...ProgressSection_project
          ...MilestonesSection_project
          ...BlockersSection_project
          ...HistorySection_project
          ...IndicatorsSection_project
        }
      }
    }
  `,
  [BasicSectionFragment, GateSectionFragment, ProgressSectionFragment, MilestonesSectionFragment, BlockersSectionFragment, HistorySectionFragment, IndicatorsSectionFragment],
);
// Sent as its hash only (persisted operations); the build lists every such document.
export const ProjectDrawerQuery = graphql.persisted("ProjectDrawer", ProjectDrawerQueryDocument);

interface ProjectDrawerProps {
  projectId: string;
  viewer: FragmentOf<typeof MovableBoardViewerFragment>;
  onClose: () => void;
}

export function ProjectDrawer({ projectId, viewer: viewerData, onClose }: ProjectDrawerProps) {
  const viewer = readFragment(MovableBoardViewerFragment, viewerData);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const client = useClient();
  // Read afresh each time it opens: the cache may hold the card's newer version beside older details.
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ProjectDrawerQuery,
    variables: { id: projectId },
    requestPolicy: "cache-and-network",
  });

  // After a save the drawer reads itself again (the mutations answer the card's fields only), and
  // a form that must start from the current version (编辑, 版本冲突) waits for it.
  const reload = useCallback(async () => {
    const result = await client.query(ProjectDrawerQuery, { id: projectId }, { requestPolicy: "network-only" }).toPromise();
    const node = result.data?.node;
    return node?.__typename === "Project" ? node : null;
  }, [client, projectId]);

  // A modal <dialog> keeps focus inside and closes on Escape (its `cancel` event); focus goes back
  // to where it was (the card's 详情 button) when it closes.
  useEffect(() => {
    const dialog = dialogRef.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  const node = data?.node;
  const project = node?.__typename === "Project" ? node : null;
  const mayEdit = project !== null && canMoveProject({ role: viewer.role, unitId: viewer.unit?.id ?? null }, project.responsibleUnit.id);

  return (
    <dialog
      ref={dialogRef}
      className="drawer"
      aria-label="项目详情"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its panel) closes it.
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div className="drawer__panel">
        <header className="drawer__header">
          <div className="drawer__titles">
            <p className="drawer__eyebrow">
              项目详情{project ? ` · ${project.code}` : ""}
              {project && project.openNoticeCount > 0 && (
                <a className="card-badge card-badge--overdue" style={{ marginLeft: 8, textDecoration: "none", cursor: "pointer" }} href="?view=supervision" title="未办结的督办单">
                  督办 {project.openNoticeCount}
                </a>
              )}
            </p>
            <h2 className="drawer__title" id={titleId}>
              {project ? project.name : "项目详情"}
            </h2>
          </div>
          <button className="button button--small" type="button" onClick={onClose}>
            关闭
          </button>
        </header>
        <div className="drawer__body">
          {project ? (
            <>
              {!mayEdit && <p className="drawer__readonly">当前账号只能查看此项目。</p>}
              <BasicSection project={project} mayEdit={mayEdit} reload={reload} />
              <IndicatorsSection project={project} />
              <GateSection project={project} mayEdit={mayEdit} onSaved={reload} />
              <ProgressSection project={project} mayEdit={mayEdit} onSaved={reload} />
              <MilestonesSection project={project} mayEdit={mayEdit} onSaved={reload} />
              <BlockersSection project={project} mayEdit={mayEdit} onSaved={reload} />
              <HistorySection project={project} />
            </>
          ) : fetching ? (
            <p className="drawer__message">正在加载…</p>
          ) : error ? (
            <div className="drawer__message drawer__message--error" role="alert">
              <p>{describeError(error)}</p>
              <button className="button button--small" type="button" onClick={() => reexecute({ requestPolicy: "network-only" })}>
                重试
              </button>
            </div>
          ) : (
            <p className="drawer__message">未找到该项目，可能已被归档或无权查看。</p>
          )}
        </div>
      </div>
    </dialog>
  );
}
