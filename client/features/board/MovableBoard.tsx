// The board's columns as drop targets: drag a card (pointer, touch or keyboard) to another stage.
// A move shows at once, is saved with moveProject, and is undone with a message when refused.
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type ScreenReaderInstructions,
} from "@dnd-kit/core";
import { useCallback, useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent, type ReactNode } from "react";
import { graphql, readFragment, type FragmentOf } from "../../graphql";
import { onSubscriptionsResumed } from "../../app/subscriptionTransport";
import { BoardMovesContext, type BoardMoves, type CardDragData } from "./boardMoves";
import { STAGE_LABELS, STAGES } from "./format";
import { MoveBackDialog } from "./MoveBackDialog";
import { MoveRefusalAlert } from "./MoveRefusalAlert";
import { canMoveProject, isMoveBack, type Stage } from "./moveRules";
import { ProjectCardFragment, ProjectCardView } from "./ProjectCard";
import { useBoardChanged } from "./useBoardChanged";
import { useMoveProject, type MoveOutcome, type MoveRefusal } from "./useMoveProject";

export const MovableBoardViewerFragment = graphql(`
  fragment MovableBoard_viewer on User {
    id
    role
    unit {
      id
    }
  }
`);

/** Mouse and pen only: a finger goes to the TouchSensor, which waits for a long press so the board still scrolls. */
class MousePointerSensor extends PointerSensor {
  static override activators = [
    {
      eventName: "onPointerDown" as const,
      handler: ({ nativeEvent: event }: ReactPointerEvent) => event.isPrimary && event.button === 0 && event.pointerType !== "touch",
    },
  ];
}

/** Left/Up and Right/Down move the lifted card to the previous or next stage's column. */
const columnKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const step = event.code === "ArrowRight" || event.code === "ArrowDown" ? 1 : event.code === "ArrowLeft" || event.code === "ArrowUp" ? -1 : 0;
  if (step === 0) return undefined;
  event.preventDefault();
  const { active, over, collisionRect, droppableRects } = context;
  const current = (over?.id ?? (active?.data.current as CardDragData | undefined)?.stage) as Stage | undefined;
  const target = current ? STAGES[STAGES.indexOf(current) + step] : undefined;
  const rect = target ? droppableRects.get(target) : undefined;
  if (!rect || !collisionRect) return currentCoordinates;
  return {
    x: rect.left + (rect.width - collisionRect.width) / 2,
    // Just under the column's header.
    y: rect.top + Math.min(72, Math.max(0, rect.height - collisionRect.height)),
  };
};

/** The column under the pointer; for the keyboard (no pointer), the column the card overlaps most. */
const columnCollision: CollisionDetection = (args) => {
  const underPointer = pointerWithin(args);
  return underPointer.length > 0 ? underPointer : rectIntersection(args);
};

function cardName(data: unknown): string {
  const card = data as CardDragData | undefined;
  return card ? readFragment(ProjectCardFragment, card.project).name : "项目";
}

function stageName(id: unknown): string {
  return STAGE_LABELS[id as Stage] ?? String(id);
}

const announcements: Announcements = {
  onDragStart: ({ active }) =>
    `已拿起项目卡片「${cardName(active.data.current)}」，当前在「${stageName((active.data.current as CardDragData).stage)}」列。`,
  onDragOver: ({ active, over }) =>
    over
      ? `项目卡片「${cardName(active.data.current)}」已移到「${stageName(over.id)}」列上方。`
      : `项目卡片「${cardName(active.data.current)}」不在任何阶段列上方。`,
  onDragEnd: ({ active, over }) =>
    over && over.id !== (active.data.current as CardDragData).stage
      ? `项目卡片「${cardName(active.data.current)}」已放入「${stageName(over.id)}」列，正在保存。`
      : `项目卡片「${cardName(active.data.current)}」已放回原列。`,
  onDragCancel: ({ active }) => `已取消拖动，项目卡片「${cardName(active.data.current)}」回到原列。`,
};

const screenReaderInstructions: ScreenReaderInstructions = {
  draggable:
    "按空格键或回车键拿起项目卡片；拿起后用左右方向键切换到相邻的阶段列，再按空格键或回车键放下；按 Esc 键取消。",
};

/** A card dropped on another column. */
interface CardMove {
  project: FragmentOf<typeof ProjectCardFragment>;
  from: Stage;
  to: Stage;
}

interface MovableBoardProps {
  actionCode: number;
  viewer: FragmentOf<typeof MovableBoardViewerFragment>;
  /** Reads the board again from the server; resolves when the new board is shown. */
  refreshBoard: () => Promise<unknown>;
  children: ReactNode;
}

export function MovableBoard({ actionCode, viewer: viewerData, refreshBoard, children }: MovableBoardProps) {
  const viewer = readFragment(MovableBoardViewerFragment, viewerData);
  const role = viewer.role;
  const unitId = viewer.unit?.id ?? null;
  const { moveProject } = useMoveProject();
  const [saving, setSaving] = useState<ReadonlySet<string>>(new Set());
  const [revision, setRevision] = useState(0);
  const [awaitingReason, setAwaitingReason] = useState<CardMove | null>(null);
  const [dragged, setDragged] = useState<CardDragData | null>(null);
  const [refusal, setRefusal] = useState<{ projectName: string; refusal: MoveRefusal } | null>(null);
  // A card moved with the keyboard is drawn anew (saving, then in its column): focus goes back to it.
  const refocusCode = useRef<string | null>(null);

  const sensors = useSensors(
    // A few pixels before a drag starts, so a click on a card stays a click.
    useSensor(MousePointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates }),
  );

  // After a move (ours or anyone's) counts, sums and order change: the board is read again, and so are
  // the further pages loaded with 加载更多 (they follow `revision`).
  const refresh = useCallback(async () => {
    await refreshBoard();
    setRevision((current) => current + 1);
  }, [refreshBoard]);

  useBoardChanged(actionCode, () => void refresh());
  // Events sent while the live stream was down are lost: read everything again when it is back.
  useEffect(() => onSubscriptionsResumed(() => void refresh()), [refresh]);

  useEffect(() => {
    const code = refocusCode.current;
    if (!code) return;
    const card = document.querySelector<HTMLElement>(`[data-testid="project-card"][data-code="${CSS.escape(code)}"][tabindex]`);
    if (card) {
      refocusCode.current = null;
      card.focus();
    }
  });

  const markSaving = (projectId: string, on: boolean) =>
    setSaving((current) => {
      const next = new Set(current);
      if (on) next.add(projectId);
      else next.delete(projectId);
      return next;
    });

  // The cache moves the card at once (an optimistic moveProject result, see boardCache.ts) and puts
  // it back by itself when the server refuses.
  async function save(move: CardMove, note?: string) {
    setAwaitingReason(null);
    const project = readFragment(ProjectCardFragment, move.project);
    markSaving(project.id, true);
    let outcome: MoveOutcome;
    try {
      outcome = await moveProject({ projectId: project.id, to: move.to, expectedVersion: project.version, note });
    } finally {
      markSaving(project.id, false);
    }
    if (outcome.ok) {
      await refresh();
      return;
    }
    setRefusal({ projectName: project.name, refusal: outcome.refusal });
    if (outcome.refusal.stale) void refresh();
  }

  function onDragStart({ active }: DragStartEvent) {
    setDragged((active.data.current as CardDragData | undefined) ?? null);
  }

  function onDragEnd({ active, over, activatorEvent }: DragEndEvent) {
    setDragged(null);
    const card = active.data.current as CardDragData | undefined;
    const to = over?.id as Stage | undefined;
    if (!card || !to || to === card.stage) return;
    const project = readFragment(ProjectCardFragment, card.project);
    refocusCode.current = activatorEvent instanceof KeyboardEvent ? project.code : null;
    const move: CardMove = { project: card.project, from: card.stage, to };
    setRefusal(null);
    // A move back (退回) needs its reason first.
    if (isMoveBack(card.stage, to)) setAwaitingReason(move);
    else void save(move);
  }

  const context = useMemo<BoardMoves>(
    () => ({ saving, revision, canMove: (responsibleUnitId) => canMoveProject({ role, unitId }, responsibleUnitId) }),
    [saving, revision, role, unitId],
  );
  const draggedProject = dragged ? readFragment(ProjectCardFragment, dragged.project) : null;

  return (
    <BoardMovesContext value={context}>
      {refusal && (
        <MoveRefusalAlert projectName={refusal.projectName} refusal={refusal.refusal} onClose={() => setRefusal(null)} />
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={columnCollision}
        accessibility={{ announcements, screenReaderInstructions }}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragged(null)}
      >
        {children}
        {/* The copy under the pointer: outside the columns, so their scrolling does not clip it. */}
        <DragOverlay dropAnimation={null}>
          {draggedProject && dragged && <ProjectCardView project={draggedProject} stage={dragged.stage} overlay />}
        </DragOverlay>
      </DndContext>
      {awaitingReason && (
        <MoveBackDialog
          key={readFragment(ProjectCardFragment, awaitingReason.project).id}
          projectName={readFragment(ProjectCardFragment, awaitingReason.project).name}
          from={awaitingReason.from}
          to={awaitingReason.to}
          onConfirm={(reason) => void save(awaitingReason, reason)}
          onCancel={() => setAwaitingReason(null)}
        />
      )}
    </BoardMovesContext>
  );
}
