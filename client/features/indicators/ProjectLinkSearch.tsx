// Finds a project by name or code and links it to the indicator. An owner sees only its own unit's
// projects (it may link only those).
import { useState } from "react";
import { useQuery } from "urql";
import { graphql } from "../../graphql";
import { STAGE_LABELS } from "../board/format";
import { useDebouncedValue } from "../board/useDebouncedValue";
import { BusyButton } from "../project/BusyButton";
import { useSaving } from "../project/useSaving";
import type { IndicatorViewer } from "./indicatorAccess";
import { useLinkProjectIndicator } from "./useLinkProjectIndicator";

const LinkCandidatesQueryDocument = graphql(`
  query IndicatorLinkCandidates($filter: ProjectFilter) {
    projects(first: 8, filter: $filter) {
      edges {
        node {
          id
          code
          name
          stage
        }
      }
    }
  }
`);
// Sent as its hash only (persisted operations); the build lists every such document.
const LinkCandidatesQuery = graphql.persisted("IndicatorLinkCandidates", LinkCandidatesQueryDocument);

interface ProjectLinkSearchProps {
  indicatorId: string;
  linkedIds: string[];
  viewer: IndicatorViewer;
  onDone: (message: string) => void;
}

export function ProjectLinkSearch({ indicatorId, linkedIds, viewer, onDone }: ProjectLinkSearchProps) {
  const [text, setText] = useState("");
  const search = useDebouncedValue(text.trim(), 300);
  const link = useLinkProjectIndicator();
  const [busy, run] = useSaving();
  const [pending, setPending] = useState<string | null>(null);
  const filter = { search, ...(viewer.role === "OWNER" && viewer.unitId ? { responsibleUnitId: viewer.unitId } : {}) };
  const [{ data, fetching }] = useQuery({ query: LinkCandidatesQuery, variables: { filter }, pause: search.length === 0 });
  const candidates = (data?.projects.edges ?? []).map((e) => e.node).filter((p) => !linkedIds.includes(p.id));

  function add(projectId: string, name: string) {
    setPending(projectId);
    void run(async () => {
      const outcome = await link(projectId, indicatorId);
      onDone(outcome.ok ? `已关联：${name}` : `关联失败：${outcome.message}`);
      if (outcome.ok) setText("");
      setPending(null);
    });
  }

  return (
    <div className="indicator-link-search">
      <label className="drawer-field__label" htmlFor={`link-search-${indicatorId}`}>
        关联项目
      </label>
      <input
        id={`link-search-${indicatorId}`}
        className="input"
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder="输入项目名称或编号查找"
        maxLength={100}
      />
      {search.length > 0 && (
        <ul className="indicator-link-search__results" aria-live="polite">
          {candidates.map((project) => (
            <li key={project.id}>
              <span>
                {project.name} <small>{project.code} · {STAGE_LABELS[project.stage]}</small>
              </span>
              <BusyButton busy={busy && pending === project.id} busyLabel="正在关联…" onClick={() => add(project.id, project.name)}>
                关联
              </BusyButton>
            </li>
          ))}
          {!fetching && data && candidates.length === 0 && <li className="indicator-link-search__none">没有可关联的项目</li>}
        </ul>
      )}
    </div>
  );
}
