import { useQuery } from "urql";
import { graphql, readFragment, type FragmentOf } from "../../graphql";
import { EMPTY_BOARD_FILTER, isFilterActive, type BoardFilterState } from "./boardFilter";
import { byShortName, UnitOptions } from "./UnitOptions";

export const BoardFiltersFragment = graphql(`
  fragment BoardFilters_action on Action {
    id
    subTasks {
      id
      code
      name
    }
  }
`);

const FilterUnitsQueryDocument = graphql(`
  query FilterUnits {
    responsibleUnits: units {
      id
      kind
      name
      shortName
    }
    townships: units(kind: TOWNSHIP) {
      id
      name
      shortName
    }
  }
`);
// Sent as its hash only (persisted operations); the build lists every such document.
const FilterUnitsQuery = graphql.persisted("FilterUnits", FilterUnitsQueryDocument);

interface BoardFiltersProps {
  action: FragmentOf<typeof BoardFiltersFragment>;
  value: BoardFilterState;
  onChange: (next: BoardFilterState) => void;
}

export function BoardFilters({ action: actionData, value, onChange }: BoardFiltersProps) {
  const action = readFragment(BoardFiltersFragment, actionData);
  const [{ data: unitsData, error: unitsError }] = useQuery({ query: FilterUnitsQuery });
  const units = unitsData?.responsibleUnits ?? [];
  const townships = [...(unitsData?.townships ?? [])].sort(byShortName);
  const set = (patch: Partial<BoardFilterState>) => onChange({ ...value, ...patch });

  return (
    <form className="board-filters" role="search" aria-label="筛选项目" onSubmit={(event) => event.preventDefault()}>
      <label className="filter">
        <span className="filter__label">子任务</span>
        <select className="select" value={value.subTaskId} onChange={(e) => set({ subTaskId: e.target.value })}>
          <option value="">全部子任务</option>
          {action.subTasks.map((subTask) => (
            <option key={subTask.id} value={subTask.id}>
              {subTask.code} {subTask.name}
            </option>
          ))}
        </select>
      </label>

      <label className="filter">
        <span className="filter__label">责任单位</span>
        <select
          className="select"
          value={value.responsibleUnitId}
          onChange={(e) => set({ responsibleUnitId: e.target.value })}
          disabled={!unitsData}
        >
          <option value="">{unitsError ? "单位列表加载失败" : "全部责任单位"}</option>
          <UnitOptions units={units} />
        </select>
      </label>

      <label className="filter">
        <span className="filter__label">所在乡镇</span>
        <select
          className="select"
          value={value.townshipId}
          onChange={(e) => set({ townshipId: e.target.value })}
          disabled={!unitsData}
        >
          <option value="">{unitsError ? "乡镇列表加载失败" : "全部乡镇（街道）"}</option>
          {townships.map((township) => (
            <option key={township.id} value={township.id}>
              {township.shortName}
            </option>
          ))}
        </select>
      </label>

      <label className="filter filter--search">
        <span className="filter__label">搜索</span>
        <span className="search-box">
          <svg className="search-box__icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <circle cx="7" cy="7" r="4.75" stroke="currentColor" strokeWidth="1.5" fill="none" />
            <path d="M10.5 10.5L14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
          </svg>
          <input
            className="input search-box__input"
            type="search"
            placeholder="项目名称或编号"
            value={value.search}
            onChange={(e) => set({ search: e.target.value })}
            maxLength={100}
          />
        </span>
      </label>

      {isFilterActive(value) && (
        <button className="button button--ghost board-filters__clear" type="button" onClick={() => onChange(EMPTY_BOARD_FILTER)}>
          清除筛选
        </button>
      )}
    </form>
  );
}
