// The rows of an 项目清单 as the import checked them: row number, code, name, and what is wrong with
// each (or 可导入 / 已导入). On a phone each row is a small card.
import { useState } from "react";
import type { ImportRowResult } from "./useImportProjects";

interface ImportRowsTableProps {
  rows: readonly ImportRowResult[];
  /** The rows were written: each shows the code it got. */
  written: boolean;
}

export function ImportRowsTable({ rows, written }: ImportRowsTableProps) {
  const problemCount = rows.filter((row) => row.problems.length > 0).length;
  const [onlyProblems, setOnlyProblems] = useState(false);
  const shown = onlyProblems ? rows.filter((row) => row.problems.length > 0) : rows;

  return (
    <div className="import-rows">
      {problemCount > 0 && problemCount < rows.length && (
        <label className="import-rows__filter">
          <input type="checkbox" checked={onlyProblems} onChange={(event) => setOnlyProblems(event.target.checked)} />
          只看有问题的行（{problemCount}）
        </label>
      )}
      <div className="import-rows__scroll">
        <table className="import-table" data-testid="import-rows">
          <caption className="visually-hidden">逐行检查结果</caption>
          <thead>
            <tr>
              <th scope="col" className="import-table__row">行号</th>
              <th scope="col" className="import-table__code">项目编号</th>
              <th scope="col">项目名称</th>
              <th scope="col" className="import-table__result">检查结果</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => {
              const code = row.project?.code ?? row.code;
              const bad = row.problems.length > 0;
              return (
                <tr key={row.row} className={bad ? "import-table__item import-table__item--bad" : "import-table__item"} data-row={row.row}>
                  <td className="import-table__row" data-label="行号">
                    第 {row.row} 行
                  </td>
                  <td className="import-table__code" data-label="项目编号">
                    {code ?? <span className="import-table__auto">自动编号</span>}
                  </td>
                  <td className="import-table__name" data-label="项目名称">
                    {row.name ?? <span className="import-table__auto">（未填）</span>}
                  </td>
                  <td className="import-table__result" data-label="检查结果">
                    {bad ? (
                      <ul className="import-table__problems">
                        {row.problems.map((problem, index) => (
                          <li key={index}>{problem.message}</li>
                        ))}
                      </ul>
                    ) : (
                      <span className="import-tag import-tag--ok">{written ? "已导入" : "可导入"}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
