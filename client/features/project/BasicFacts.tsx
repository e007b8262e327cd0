import { formatInvestment, formatQuantity, FUNDING_LABELS, STAGE_LABELS } from "../board/format";
import type { BasicProject } from "./BasicSection";

/** 基本信息 as read: a list of facts, "—" where nothing is recorded. */
export function BasicFacts({ project }: { project: BasicProject }) {
  const target = project.targetQuantity ? `${formatQuantity(project.targetQuantity)} ${project.targetUnit ?? ""}`.trim() : "—";
  const rows: [string, string][] = [
    ["项目名称", project.name],
    ["项目编号", project.code],
    ["当前阶段", STAGE_LABELS[project.stage]],
    ["责任单位", project.responsibleUnit.name],
    ["业主单位", project.ownerUnit.name],
    ["所在乡镇", project.township?.name ?? "—"],
    ["项目简介", project.description ?? "—"],
    ["总投资", formatInvestment(project.totalInvestment)],
    ["累计完成投资", formatInvestment(project.completedInvestment)],
    ["计划开工", project.plannedStart ?? "—"],
    ["计划竣工", project.plannedCompletion ?? "—"],
    ["目标数量", target],
    [
      "资金来源",
      project.fundingSources.length === 0
        ? "未填写"
        : project.fundingSources.map((source) => `${FUNDING_LABELS[source.kind]} ${formatInvestment(source.amount)}`).join("；"),
    ],
    ["竣工验收日期", project.acceptanceDate ?? "—"],
    ["验收文号", project.acceptanceRef ?? "—"],
  ];
  return (
    <dl className="drawer-facts">
      {rows.map(([term, value]) => (
        <div key={term} className="drawer-facts__row">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
