// The lists of the bottleneck page: stuck projects, overdue milestones and open blockers, each with
// the project's light, its name opening the drawer, and an XLSX export.
import { useState } from "react";
import { graphql, readFragment, type FragmentOf } from "../../graphql";
import { STAGE_LABELS } from "../board/format";
import { BLOCKER_LABELS } from "../project/labels";
import { ExportLink, type BottleneckFilter, type ExportTable } from "./ExportLink";
import { LightDot, type LightData } from "./LightDot";
import { ProjectLink } from "./ProjectLink";

export const BottleneckListsFragment = graphql(`
    fragment BottleneckLists_report on BottleneckReport {
      stuckCount
      overdueCount
      stuck(first: 100) {
        dwellDays
        stage
        thresholdDays
        light { color reasons }
        project { id code name responsibleUnit { id shortName } }
      }
      overdue(first: 100) {
        name
        plannedDate
        daysOverdue
        light { color reasons }
        project { id code name responsibleUnit { id shortName } }
      }
      blockers(first: 100) {
        kind
        description
        ageDays
        light { color reasons }
        project { id code name responsibleUnit { id shortName } }
      }
      blockersByKind { kind total buckets { label count } }
    }
`);

/** Rows shown before 显示更多. */
const SHORT_LIST = 15;

interface Column<Row> {
  title: string;
  cell: (row: Row) => React.ReactNode;
  numeric?: boolean;
}

function ListPanel<Row extends { project: { id: string; code: string; name: string; responsibleUnit: { shortName: string } }; light: LightData }>({
  id,
  title,
  total,
  rows,
  columns,
  table,
  filter,
  empty,
}: {
  id: string;
  title: string;
  total: number;
  rows: readonly Row[];
  columns: Column<Row>[];
  table: ExportTable;
  filter: BottleneckFilter;
  empty: string;
}) {
  const [all, setAll] = useState(false);
  const shown = all ? rows : rows.slice(0, SHORT_LIST);
  return (
    <section className="bn-panel" aria-labelledby={id}>
      <header className="bn-panel__head">
        <h2 id={id}>
          {title} <span className="bn-count">{total}</span>
        </h2>
        <ExportLink table={table} filter={filter} />
      </header>
      {rows.length === 0 ? (
        <p className="bn-empty">{empty}</p>
      ) : (
        <div className="bn-table-wrap">
          <table className="bn-table" data-testid={`bn-${table}`}>
            <thead>
              <tr>
                <th scope="col">灯</th>
                <th scope="col">项目</th>
                <th scope="col">责任单位</th>
                {columns.map((c) => (
                  <th key={c.title} scope="col" className={c.numeric ? "bn-num" : undefined}>
                    {c.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((row, i) => (
                <tr key={`${row.project.id}-${i}`} data-code={row.project.code}>
                  <td>
                    <LightDot light={row.light} withLabel />
                  </td>
                  <td>
                    <ProjectLink project={row.project} />
                    <span className="bn-code">{row.project.code}</span>
                  </td>
                  <td>{row.project.responsibleUnit.shortName}</td>
                  {columns.map((c) => (
                    <td key={c.title} className={c.numeric ? "bn-num" : undefined}>
                      {c.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length < rows.length && (
            <button type="button" className="button button--ghost button--small bn-more" onClick={() => setAll(true)}>
              显示前 {rows.length} 条
            </button>
          )}
          {all && total > rows.length && <p className="bn-more">仅显示前 {rows.length} 条，共 {total} 条；完整列表请导出 Excel。</p>}
        </div>
      )}
    </section>
  );
}

export function BottleneckLists({ report: data, filter }: { report: FragmentOf<typeof BottleneckListsFragment>; filter: BottleneckFilter }) {
  const report = readFragment(BottleneckListsFragment, data);
  return (
    <>
      <ListPanel
        id="bn-stuck"
        title="滞留项目"
        total={report.stuckCount}
        rows={report.stuck}
        table="stuck"
        filter={filter}
        empty="没有超过滞留天数的项目。"
        columns={[
          { title: "阶段", cell: (r) => STAGE_LABELS[r.stage] },
          { title: "滞留天数", numeric: true, cell: (r) => `${r.dwellDays} 天` },
          { title: "阈值", numeric: true, cell: (r) => `${r.thresholdDays} 天` },
        ]}
      />
      <ListPanel
        id="bn-overdue"
        title="逾期节点"
        total={report.overdueCount}
        rows={report.overdue}
        table="overdue"
        filter={filter}
        empty="没有逾期未完成的节点。"
        columns={[
          { title: "节点", cell: (r) => r.name },
          { title: "计划完成", cell: (r) => r.plannedDate },
          { title: "逾期", numeric: true, cell: (r) => `${r.daysOverdue} 天` },
        ]}
      />
      <ListPanel
        id="bn-blockers"
        title="未解决堵点"
        total={report.blockersByKind.reduce((n, k) => n + k.total, 0)}
        rows={report.blockers}
        table="blockers"
        filter={filter}
        empty="没有未解决的堵点。"
        columns={[
          { title: "类别", cell: (r) => BLOCKER_LABELS[r.kind] },
          { title: "堵点", cell: (r) => r.description },
          { title: "已持续", numeric: true, cell: (r) => `${r.ageDays} 天` },
        ]}
      />
      {report.blockersByKind.length > 0 && (
        <section className="bn-panel" aria-labelledby="bn-blocker-kinds">
          <header className="bn-panel__head">
            <h2 id="bn-blocker-kinds">堵点按类别和时长</h2>
          </header>
          <div className="bn-table-wrap">
            <table className="bn-table">
              <thead>
                <tr>
                  <th scope="col">类别</th>
                  <th scope="col" className="bn-num">合计</th>
                  {report.blockersByKind[0]!.buckets.map((b) => (
                    <th key={b.label} scope="col" className="bn-num">
                      {b.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.blockersByKind.map((k) => (
                  <tr key={k.kind}>
                    <td>{BLOCKER_LABELS[k.kind]}</td>
                    <td className="bn-num">{k.total}</td>
                    {k.buckets.map((b) => (
                      <td key={b.label} className="bn-num">
                        {b.count}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}
