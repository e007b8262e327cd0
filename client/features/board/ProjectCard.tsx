import { useDraggable, type DraggableAttributes, type DraggableSyntheticListeners } from "@dnd-kit/core";
import { memo, use, type Ref, type SyntheticEvent } from "react";
import { useProjectParam } from "../../app/useActionParam";
import { graphql, readFragment, type FragmentOf, type ResultOf } from "../../graphql";
import { BoardMovesContext, type CardDragData } from "./boardMoves";
import { formatInvestment, formatQuantity, FUNDING_KINDS, FUNDING_LABELS } from "./format";
import type { Stage } from "./moveRules";
import { LightDot } from "../bottlenecks/LightDot";

export const ProjectCardFragment = graphql(`
  fragment ProjectCard_project on Project {
    id
    code
    name
    stage
    version
    illustrative
    daysInStage
    overdueMilestoneCount
    openBlockerCount
    totalInvestment
    targetQuantity
    targetUnit
    responsibleUnit {
      id
      name
      shortName
    }
    township {
      id
      shortName
    }
    fundingSources {
      kind
    }
    light {
      color
      reasons
    }
  }
`);

interface BoardCardItemProps {
  card: FragmentOf<typeof ProjectCardFragment>;
  /** The column this list belongs to. */
  columnStage: Stage;
}

/**
 * A project as an item of a column's list. Nothing when the card is in another column now: moved
 * there by the user (the cache holds the move optimistically while it is saved) or by someone else
 * (the cache has its new stage before the board is read again).
 */
export const BoardCardItem = memo(function BoardCardItem({ card, columnStage }: BoardCardItemProps) {
  const project = readFragment(ProjectCardFragment, card);
  const { saving, canMove, past } = use(BoardMovesContext);
  // On a past board the column says where the card stood then; its stage is today's.
  if (past) {
    return (
      <li>
        <ProjectCardView project={project} stage={columnStage} past />
      </li>
    );
  }
  if (project.stage !== columnStage) return null;
  const isSaving = saving.has(project.id);

  return (
    <li>
      {!isSaving && canMove(project.responsibleUnit.id) ? (
        <DraggableProjectCard project={project} projectData={card} stage={project.stage} />
      ) : (
        <ProjectCardView project={project} stage={project.stage} saving={isSaving} />
      )}
    </li>
  );
});

const DRAG_ATTRIBUTES = { roleDescription: "可拖动的项目卡片" };

function DraggableProjectCard({
  project,
  projectData,
  stage,
}: {
  project: ResultOf<typeof ProjectCardFragment>;
  projectData: FragmentOf<typeof ProjectCardFragment>;
  stage: Stage;
}) {
  const data: CardDragData = { project: projectData, stage };
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: project.id, data, attributes: DRAG_ATTRIBUTES });
  // dnd-kit renders every draggable again when a drag starts; the card itself (memo) stays as it
  // was unless this is the lifted one, so a 500-card board picks a card up at once.
  return (
    <ProjectCardView ref={setNodeRef} project={project} stage={stage} dragAttributes={attributes} dragListeners={listeners} lifted={isDragging} />
  );
}

interface ProjectCardViewProps {
  project: ResultOf<typeof ProjectCardFragment>;
  stage: Stage;
  ref?: Ref<HTMLElement>;
  /** dnd-kit's attributes and listeners, for a card the user may move (each kept stable by dnd-kit). */
  dragAttributes?: DraggableAttributes;
  dragListeners?: DraggableSyntheticListeners;
  /** The card is being dragged (its copy follows the pointer). */
  lifted?: boolean;
  /** The card's move is being saved. */
  saving?: boolean;
  /** The copy under the pointer while dragging: not a card of the board for tests or screen readers. */
  overlay?: boolean;
  /** On a past board: the days in stage and the badges, which are today's, are left out. */
  past?: boolean;
}

/** A project on the board. */
export const ProjectCardView = memo(function ProjectCardView({
  project,
  stage,
  ref,
  dragAttributes,
  dragListeners,
  lifted,
  saving,
  overlay,
  past,
}: ProjectCardViewProps) {
  const [, setOpenProject] = useProjectParam();
  // A click opens the project drawer (dnd-kit swallows the click that ends a drag).
  const open = overlay ? undefined : () => setOpenProject(project.id);
  const overdue = past ? 0 : project.overdueMilestoneCount;
  const blockers = past ? 0 : project.openBlockerCount;
  const kinds = FUNDING_KINDS.filter((kind) => project.fundingSources.some((source) => source.kind === kind));
  const className = [
    "project-card",
    dragAttributes && "project-card--draggable",
    lifted && "project-card--placeholder",
    saving && "project-card--saving",
    overlay && "project-card--overlay",
  ]
    .filter(Boolean)
    .join(" ");

  return (
    <article
      ref={ref}
      className={className}
      aria-label={overlay ? undefined : project.name}
      aria-hidden={overlay || undefined}
      aria-busy={saving || undefined}
      {...(!overlay && { "data-testid": "project-card", "data-code": project.code, "data-stage": stage })}
      {...dragAttributes}
      {...dragListeners}
      onClick={open}
    >
      {overdue > 0 || blockers > 0 ? (
        <div className="project-card__top">
          <p className="project-card__code">{project.code}</p>
          <ul className="project-card__badges" aria-label="提醒">
            {overdue > 0 && (
              <li className="card-badge card-badge--overdue" title={`有 ${overdue} 个节点逾期未完成`}>
                逾期 {overdue}
              </li>
            )}
            {blockers > 0 && (
              <li className="card-badge card-badge--blocker" title={`有 ${blockers} 个问题待协调`}>
                堵点 {blockers}
              </li>
            )}
          </ul>
        </div>
      ) : (
        <p className="project-card__code">{project.code}</p>
      )}
      <h3 className="project-card__name">
        {!past && <LightDot light={project.light} />}
        {project.name}
      </h3>
      <p className="project-card__units">
        <span title={project.responsibleUnit.name}>{project.responsibleUnit.shortName}</span>
        {project.township && <span>{project.township.shortName}</span>}
      </p>
      {project.targetQuantity && (
        <p className="project-card__target">
          目标 {formatQuantity(project.targetQuantity)} {project.targetUnit ?? ""}
        </p>
      )}
      {kinds.length > 0 && (
        <ul className="project-card__funding" aria-label="资金来源">
          {kinds.map((kind) => (
            <li key={kind} className={`funding-tag funding-tag--${kind.toLowerCase().replaceAll("_", "-")}`}>
              {FUNDING_LABELS[kind]}
            </li>
          ))}
        </ul>
      )}
      <footer className="project-card__footer">
        <span className="project-card__days">
          {saving ? "正在保存…" : past ? "" : `在本阶段 ${project.daysInStage} 天`}
        </span>
        <span className="project-card__investment">{formatInvestment(project.totalInvestment)}</span>
        {!overlay && (
          // Enter on the card itself picks it up (keyboard drag); this button opens the drawer.
          <button
            className="project-card__details"
            type="button"
            aria-label={`${project.name} 详情`}
            onClick={(event) => {
              event.stopPropagation();
              open?.();
            }}
            onKeyDown={stopPropagation}
            onPointerDown={stopPropagation}
            onMouseDown={stopPropagation}
            onTouchStart={stopPropagation}
          >
            详情
          </button>
        )}
      </footer>
    </article>
  );
});

/** Keeps a press on the card's 详情 button from reaching dnd-kit's listeners on the card. */
function stopPropagation(event: SyntheticEvent) {
  event.stopPropagation();
}
