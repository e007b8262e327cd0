// 瓶颈分析 (?view=bottlenecks): the bottlenecks as of a date (today by default), for an action, a
// sub-task or a unit: charts, then the stuck / overdue / blocked lists with their lights.
import { useMemo, useState } from "react";
import { useQuery } from "urql";
import { describeError } from "../../app/errors";
import { AS_OF_MIN, todayInChina } from "../../app/useActionParam";
import type { ViewProps } from "../../app/views";
import { graphql } from "../../graphql";
import { BottleneckCharts, BottleneckChartsFragment } from "./BottleneckCharts";
import { BottleneckLists, BottleneckListsFragment } from "./BottleneckLists";
import type { BottleneckFilter } from "./ExportLink";
import { ThresholdSettings } from "./ThresholdSettings";
import { useViewerRole } from "./useViewerRole";
import "./bottlenecks.css";
import { UnitOptions } from "../board/UnitOptions";

const ReferenceDocument = graphql(`
  query BottleneckReference {
    actions { id code shortName subTasks { id code name } }
    units { id code shortName kind }
  }
`);
const ReferenceQuery = graphql.persisted("BottleneckReference", ReferenceDocument);

const ReportDocument = graphql(
  `
    query Bottlenecks($asOf: DateTime!, $actionCode: Int, $subTaskId: ID, $unitId: ID) {
      bottlenecks(asOf: $asOf, actionCode: $actionCode, subTaskId: $subTaskId, unitId: $unitId) {
        asOf
        ...BottleneckCharts_report
        ...BottleneckLists_report
      }
    }
  `,
  [BottleneckChartsFragment, BottleneckListsFragment],
);
const ReportQuery = graphql.persisted("Bottlenecks", ReportDocument);

/** The end of a China calendar day, as the instant the report is taken at (the server caps it at now). */
function endOfDay(date: string): string {
  return new Date(`${date}T23:59:59.999+08:00`).toISOString();
}

export function BottlenecksPage(_props: ViewProps) {
  const role = useViewerRole();
  const canConfigure = role === "OFFICE" || role === "ADMIN";
  const today = todayInChina();
  const [date, setDate] = useState(today);
  const [actionCode, setActionCode] = useState<number | null>(null);
  const [subTaskId, setSubTaskId] = useState<string | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [{ data: reference }] = useQuery({ query: ReferenceQuery });
  const filter: BottleneckFilter = useMemo(() => ({ asOf: endOfDay(date), actionCode, subTaskId, unitId }), [date, actionCode, subTaskId, unitId]);
  const [{ data, error, fetching }, reexecute] = useQuery({ query: ReportQuery, variables: filter });
  const subTasks = reference?.actions.find((a) => a.code === actionCode)?.subTasks ?? [];

  return (
    <section className="bn-page" aria-labelledby="bn-title">
      <header className="bn-page__head">
        <h1 id="bn-title">瓶颈分析</h1>
        <p className="bn-lead">
          按截止日期查看滞留、逾期和堵点：过去的日期显示当时的情况。红黄绿灯依据节点逾期和投资完成相对序时进度的差距。
        </p>
      </header>

      <form className="bn-filters bn-fields" aria-label="筛选" onSubmit={(e) => e.preventDefault()}>
        <label>
          截止日期
          <input type="date" value={date} min={AS_OF_MIN} max={today} onChange={(e) => e.target.value && setDate(e.target.value)} />
        </label>
        <label>
          行动
          <select
            value={actionCode ?? ""}
            onChange={(e) => {
              setActionCode(e.target.value ? Number(e.target.value) : null);
              setSubTaskId(null);
            }}
          >
            <option value="">全部行动</option>
            {reference?.actions.map((a) => (
              <option key={a.id} value={a.code}>
                {a.code}. {a.shortName}
              </option>
            ))}
          </select>
        </label>
        <label>
          子任务
          <select value={subTaskId ?? ""} disabled={subTasks.length === 0} onChange={(e) => setSubTaskId(e.target.value || null)}>
            <option value="">全部子任务</option>
            {subTasks.map((s) => (
              <option key={s.id} value={s.id}>
                {s.code} {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          责任单位
          <select value={unitId ?? ""} onChange={(e) => setUnitId(e.target.value || null)}>
            <option value="">全部单位</option>
            {reference?.units && <UnitOptions units={reference.units} />}
          </select>
        </label>
        {fetching && <span className="bn-loading">正在计算…</span>}
      </form>

      {canConfigure && <ThresholdSettings onSaved={() => reexecute({ requestPolicy: "network-only" })} />}

      {error && !data ? (
        <div className="panel-message panel-message--error" role="alert">
          <p>{describeError(error)}</p>
          <button type="button" className="button button--small" onClick={() => reexecute({ requestPolicy: "network-only" })}>
            重试
          </button>
        </div>
      ) : !data ? (
        <p className="panel-message">正在加载…</p>
      ) : (
        <>
          <BottleneckCharts report={data.bottlenecks} filter={filter} />
          <BottleneckLists report={data.bottlenecks} filter={filter} />
        </>
      )}
    </section>
  );
}
