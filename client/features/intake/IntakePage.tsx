// 项目入库 (?view=intake): register one project with the form, or many from an XLSX 项目清单
// (&tab=import). Loaded on demand (views.ts), so the boards' first load stays small.
import { useQuery } from "urql";
import { describeError } from "../../app/errors";
import { BackToBoardLink } from "../../app/BackToBoardLink";
import { useIntakeTabParam, useViewParam, type IntakeTab } from "../../app/useActionParam";
import type { ViewProps } from "../../app/views";
import { graphql, readFragment, type ResultOf } from "../../graphql";
import "./intake.css";
import { MovableBoardViewerFragment } from "../board/MovableBoard";
import { ImportPanel } from "./ImportPanel";
import { ProjectForm } from "./ProjectForm";

const IntakeReferenceQueryDocument = graphql(`
  query IntakeReference {
    actions {
      id
      code
      shortName
      subTasks {
        id
        code
        name
      }
    }
    units {
      id
      code
      name
      shortName
      kind
    }
  }
`);
// Sent as its hash only (persisted operations); the build lists every such document.
const IntakeReferenceQuery = graphql.persisted("IntakeReference", IntakeReferenceQueryDocument);

export type IntakeReference = ResultOf<typeof IntakeReferenceQueryDocument>;

const TABS: { tab: IntakeTab; label: string }[] = [
  { tab: "form", label: "逐个登记" },
  { tab: "import", label: "Excel 批量导入" },
];

export function IntakePage({ viewer: viewerData }: ViewProps) {
  const viewer = readFragment(MovableBoardViewerFragment, viewerData);
  const [, setView] = useViewParam();
  const onBackToBoard = () => setView(null);
  const [tab, setTab] = useIntakeTabParam();
  const [{ data, error }, reexecute] = useQuery({ query: IntakeReferenceQuery });

  return (
    <section className="intake" aria-labelledby="intake-title">
      <div className="intake__inner">
      <div className="intake__head">
        <BackToBoardLink className="intake__back" />
        <h1 className="intake__title" id="intake-title">
          项目入库
        </h1>
        <p className="intake__lead">新登记的项目进入项目库的「储备」阶段，随后在看板上推进。</p>
      </div>

      <nav className="intake-tabs" aria-label="入库方式">
        {TABS.map((item) => (
          <a
            key={item.tab}
            className="intake-tabs__tab"
            href={item.tab === "import" ? "?view=intake&tab=import" : "?view=intake"}
            aria-current={tab === item.tab ? "page" : undefined}
            onClick={(event) => {
              event.preventDefault();
              setTab(item.tab);
            }}
          >
            {item.label}
          </a>
        ))}
      </nav>

      <div className="intake__body">
        {tab === "import" ? (
          <ImportPanel onBackToBoard={onBackToBoard} />
        ) : data ? (
          <ProjectForm reference={data} viewer={{ id: viewer.id, role: viewer.role, unitId: viewer.unit?.id ?? null }} />
        ) : error ? (
          <div className="panel-message panel-message--error" role="alert">
            <p>登记表加载失败：{describeError(error)}</p>
            <button className="button" type="button" onClick={() => reexecute({ requestPolicy: "network-only" })}>
              重试
            </button>
          </div>
        ) : (
          <p className="panel-message">正在加载…</p>
        )}
      </div>
      </div>
    </section>
  );
}
