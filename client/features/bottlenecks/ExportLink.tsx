// Links to the server's XLSX exports of the bottleneck tables (the session cookie authorises them).
export interface BottleneckFilter {
  asOf: string;
  actionCode: number | null;
  subTaskId: string | null;
  unitId: string | null;
}

export type ExportTable = "stuck" | "overdue" | "blockers" | "investment" | "funnel" | "cycle";

export function exportHref(table: ExportTable, filter: BottleneckFilter): string {
  const params = new URLSearchParams({ table, asOf: filter.asOf });
  if (filter.actionCode !== null) params.set("actionCode", String(filter.actionCode));
  if (filter.subTaskId) params.set("subTaskId", filter.subTaskId);
  if (filter.unitId) params.set("unitId", filter.unitId);
  return `/export/bottlenecks.xlsx?${params}`;
}

export function ExportLink({ table, filter }: { table: ExportTable; filter: BottleneckFilter }) {
  return (
    <a className="button button--small" href={exportHref(table, filter)} download>
      导出 Excel
    </a>
  );
}
