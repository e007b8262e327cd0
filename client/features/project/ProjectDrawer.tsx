// The project drawer (项目详情): opened from a card, kept in the URL (&project=<id>), read from
// node(id). A side drawer on wide screens, a full-screen sheet on phones.
import { useEffect, useId, useRef, useState } from "react";
import { useQuery } from "urql";
import { describeError } from "../../app/errors";
import { graphql, readFragment, type FragmentOf, type ResultOf } from "../../graphql";
import { formatInvestment, FUNDING_LABELS, STAGE_LABELS } from "../board/format";
import { MovableBoardViewerFragment } from "../board/MovableBoard";
import { canMoveProject } from "../board/moveRules";
import { useSetGateItem } from "./useSetGateItem";

const ProjectDrawerQueryDocument = graphql(`
  query ProjectDrawer($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Project {
        name
        code
        stage
        version
        totalInvestment
        completedInvestment
        plannedStart
        plannedCompletion
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
        gate {
          label
          done
          check
          reference
          requirement {
            id
          }
        }
        milestones {
          id
          name
          plannedDate
          actualDate
          overdue
        }
        blockers {
          id
          kind
          description
          raisedAt
          resolvedAt
          resolution
        }
        history(first: 50) {
          edges {
            node {
              id
              from
              to
              kind
              at
              note
              actor {
                id
                displayName
              }
            }
          }
        }
      }
    }
  }
`);
// Sent as its hash only (persisted operations); the build lists every such document.
export const ProjectDrawerQuery = graphql.persisted("ProjectDrawer", ProjectDrawerQueryDocument);

type DrawerNode = NonNullable<ResultOf<typeof ProjectDrawerQueryDocument>["node"]>;
type DrawerProject = Extract<DrawerNode, { __typename: "Project" }>;
type GateItem = DrawerProject["gate"][number];

const AUTO_CHECK_NOTES: Record<Exclude<GateItem["check"], "MANUAL">, string> = {
  FUNDING_SOURCE: "已填写资金来源",
  PROGRESS_REPORT: "已报送月度进度",
  ACCEPTANCE: "已填写竣工验收日期和文号",
};

const BLOCKER_LABELS: Record<DrawerProject["blockers"][number]["kind"], string> = {
  APPROVAL: "审批",
  DEMOLITION: "征地拆迁",
  FUNDS: "资金",
  LAND: "用地",
  OTHER: "其他",
};

const TRANSITION_LABELS: Record<DrawerProject["history"]["edges"][number]["node"]["kind"], string> = {
  BACKWARD: "退回",
  CORRECTION: "补录更正",
  FORWARD: "推进",
  INTAKE: "入库",
};

const chinaDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" });

/** A DateTime as its date in China (YYYY-MM-DD). */
function formatDateTime(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : chinaDate.format(date);
}

interface ProjectDrawerProps {
  projectId: string;
  viewer: FragmentOf<typeof MovableBoardViewerFragment>;
  onClose: () => void;
}

export function ProjectDrawer({ projectId, viewer: viewerData, onClose }: ProjectDrawerProps) {
  const viewer = readFragment(MovableBoardViewerFragment, viewerData);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ProjectDrawerQuery, variables: { id: projectId } });

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
  const project = node?.__typename === "Project" ? (node as DrawerProject) : null;
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
            <p className="drawer__eyebrow">项目详情{project ? ` · ${project.code}` : ""}</p>
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
              <BasicSection project={project} />
              <GateSection
                project={project}
                mayEdit={mayEdit}
                onSaved={() => reexecute({ requestPolicy: "network-only" })}
              />
              <MilestonesSection milestones={project.milestones} />
              <BlockersSection blockers={project.blockers} />
              <HistorySection history={project.history.edges.map((edge) => edge.node)} />
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

function BasicSection({ project }: { project: DrawerProject }) {
  const rows: [string, string][] = [
    ["项目名称", project.name],
    ["项目编号", project.code],
    ["当前阶段", STAGE_LABELS[project.stage]],
    ["责任单位", project.responsibleUnit.name],
    ["业主单位", project.ownerUnit.name],
    ["所在乡镇", project.township?.name ?? "—"],
    ["总投资", formatInvestment(project.totalInvestment)],
    ["累计完成投资", formatInvestment(project.completedInvestment)],
    ["计划开工", project.plannedStart ?? "—"],
    ["计划竣工", project.plannedCompletion ?? "—"],
  ];
  return (
    <section className="drawer-section" aria-label="基本信息">
      <h3 className="drawer-section__title">基本信息</h3>
      <dl className="drawer-facts">
        {rows.map(([term, value]) => (
          <div key={term} className="drawer-facts__row">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div className="drawer-facts__row">
          <dt>资金来源</dt>
          <dd>
            {project.fundingSources.length === 0
              ? "未填写"
              : project.fundingSources.map((source) => `${FUNDING_LABELS[source.kind]} ${formatInvestment(source.amount)}`).join("；")}
          </dd>
        </div>
      </dl>
    </section>
  );
}

function GateSection({ project, mayEdit, onSaved }: { project: DrawerProject; mayEdit: boolean; onSaved: () => void }) {
  return (
    <section className="drawer-section" aria-label="阶段条件">
      <h3 className="drawer-section__title">阶段条件</h3>
      {project.gate.length === 0 ? (
        <p className="drawer-section__empty">已竣工，无需阶段条件。</p>
      ) : (
        <>
          <p className="drawer-section__hint">
            离开「{STAGE_LABELS[project.stage]}」阶段需满足以下条件
            {mayEdit ? "" : "（当前账号只能查看）"}。
          </p>
          <ul className="gate-list">
            {project.gate.map((item) =>
              item.check === "MANUAL" ? (
                // Remounted from the server's values after a save; a failed save keeps the user's input.
                <ManualGateItem
                  key={`${item.requirement.id}:${item.done}:${item.reference ?? ""}`}
                  projectId={project.id}
                  item={item}
                  mayEdit={mayEdit}
                  onSaved={onSaved}
                />
              ) : (
                <li key={item.requirement.id} className={`gate-item${item.done ? " gate-item--done" : ""}`}>
                  <span className="gate-item__status" aria-hidden="true">
                    {item.done ? "✓" : "○"}
                  </span>
                  <div className="gate-item__main">
                    <span className="gate-item__label">{item.label}</span>
                    <span className="gate-item__note">
                      系统自动判断（{AUTO_CHECK_NOTES[item.check]}）：{item.done ? "已满足" : "未满足"}
                    </span>
                  </div>
                </li>
              ),
            )}
          </ul>
        </>
      )}
    </section>
  );
}

function ManualGateItem({
  projectId,
  item,
  mayEdit,
  onSaved,
}: {
  projectId: string;
  item: GateItem;
  mayEdit: boolean;
  onSaved: () => void;
}) {
  const { setGateItem, fetching } = useSetGateItem();
  const [done, setDone] = useState(item.done);
  const [reference, setReference] = useState(item.reference ?? "");
  const [failure, setFailure] = useState<string | null>(null);
  const referenceId = useId();
  const dirty = done !== item.done || reference.trim() !== (item.reference ?? "");

  async function save(nextDone: boolean, nextReference: string) {
    setFailure(null);
    const outcome = await setGateItem({ projectId, requirementId: item.requirement.id, done: nextDone, reference: nextReference });
    if (outcome.ok) onSaved();
    else setFailure(outcome.message);
  }

  return (
    <li className={`gate-item gate-item--manual${item.done ? " gate-item--done" : ""}`}>
      <div className="gate-item__main">
        <label className="gate-item__check">
          <input
            type="checkbox"
            checked={done}
            disabled={!mayEdit || fetching}
            onChange={(event) => {
              const next = event.target.checked;
              setDone(next);
              void save(next, reference);
            }}
          />{" "}
          {item.label}
        </label>
        {mayEdit ? (
          <form
            className="gate-item__reference"
            onSubmit={(event) => {
              event.preventDefault();
              void save(done, reference);
            }}
          >
            <label className="visually-hidden" htmlFor={referenceId}>
              {item.label} 文号
            </label>
            <input
              id={referenceId}
              className="input input--small"
              type="text"
              placeholder="文号（选填），如 渠发改审批〔2024〕12号"
              value={reference}
              onChange={(event) => setReference(event.target.value)}
            />
            <button className="button button--small" type="submit" disabled={fetching || !dirty}>
              {fetching ? "正在保存…" : "保存"}
            </button>
          </form>
        ) : (
          item.reference && <span className="gate-item__note">文号：{item.reference}</span>
        )}
        {failure && (
          <p className="form-message form-message--error" role="alert">
            保存失败：{failure}
          </p>
        )}
      </div>
    </li>
  );
}

function MilestonesSection({ milestones }: { milestones: DrawerProject["milestones"] }) {
  return (
    <section className="drawer-section" aria-label="节点（倒排工期）">
      <h3 className="drawer-section__title">节点（倒排工期）</h3>
      {milestones.length === 0 ? (
        <p className="drawer-section__empty">尚未排定节点。</p>
      ) : (
        <ol className="timeline">
          {milestones.map((milestone) => {
            const state = milestone.actualDate ? "done" : milestone.overdue ? "overdue" : "pending";
            return (
              <li key={milestone.id} className={`timeline__item timeline__item--${state}`}>
                <span className="timeline__name">{milestone.name}</span>
                <span className="timeline__dates">
                  计划 {milestone.plannedDate}
                  {milestone.actualDate && ` · 实际完成 ${milestone.actualDate}`}
                  {state === "overdue" && <strong className="timeline__overdue"> 逾期</strong>}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function BlockersSection({ blockers }: { blockers: DrawerProject["blockers"] }) {
  // Open ones first, each group newest first.
  const sorted = [...blockers].sort((a, b) => {
    const openA = a.resolvedAt === null ? 0 : 1;
    const openB = b.resolvedAt === null ? 0 : 1;
    return openA - openB || b.raisedAt.localeCompare(a.raisedAt);
  });
  return (
    <section className="drawer-section" aria-label="堵点">
      <h3 className="drawer-section__title">堵点</h3>
      {sorted.length === 0 ? (
        <p className="drawer-section__empty">暂无堵点。</p>
      ) : (
        <ul className="blocker-list">
          {sorted.map((blocker) => (
            <li key={blocker.id} className={`blocker${blocker.resolvedAt ? " blocker--resolved" : " blocker--open"}`}>
              <p className="blocker__head">
                <span className="blocker__kind">{BLOCKER_LABELS[blocker.kind]}</span>
                <span className="blocker__state">{blocker.resolvedAt ? "已解决" : "待协调"}</span>
                <span className="blocker__date">{formatDateTime(blocker.raisedAt)} 提出</span>
              </p>
              <p className="blocker__text">{blocker.description}</p>
              {blocker.resolvedAt && (
                <p className="blocker__resolution">
                  {formatDateTime(blocker.resolvedAt)} 解决{blocker.resolution ? `：${blocker.resolution}` : ""}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function HistorySection({ history }: { history: DrawerProject["history"]["edges"][number]["node"][] }) {
  const sorted = [...history].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <section className="drawer-section" aria-label="历史">
      <h3 className="drawer-section__title">历史</h3>
      {sorted.length === 0 ? (
        <p className="drawer-section__empty">暂无记录。</p>
      ) : (
        <ol className="history-list">
          {sorted.map((entry) => {
            const move = entry.from ? `${STAGE_LABELS[entry.from]} → ${STAGE_LABELS[entry.to]}` : `入库 · ${STAGE_LABELS[entry.to]}`;
            const parts = [
              formatDateTime(entry.at),
              entry.kind === "FORWARD" || entry.kind === "INTAKE" ? move : `${move}（${TRANSITION_LABELS[entry.kind]}）`,
              entry.actor?.displayName,
              entry.note,
            ].filter(Boolean);
            return (
              <li key={entry.id} className="history-list__item">
                {parts.join(" · ")}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
