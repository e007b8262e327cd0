import { useEffect, useRef } from "react";
import { graphql, readFragment, type FragmentOf } from "../../graphql";

export const ActionTabsFragment = graphql(`
  fragment ActionTabs_action on Action {
    id
    code
    name
    shortName
    summary {
      projectCount
      completedCount
    }
  }
`);

interface ActionTabsProps {
  actions: readonly FragmentOf<typeof ActionTabsFragment>[];
  selectedCode: number;
  onSelect: (code: number) => void;
}

/** The five actions (五大行动), one board each. */
export function ActionTabs({ actions: actionsData, selectedCode, onSelect }: ActionTabsProps) {
  const actions = actionsData.map((action) => readFragment(ActionTabsFragment, action));
  const listRef = useRef<HTMLUListElement>(null);

  // On a phone the tabs scroll sideways: keep the selected one in view (e.g. after a reload on ?action=5).
  useEffect(() => {
    const current = listRef.current?.querySelector<HTMLElement>('[aria-current="page"]');
    const list = listRef.current;
    if (!current || !list || list.scrollWidth <= list.clientWidth) return;
    const left = current.offsetLeft - (list.clientWidth - current.offsetWidth) / 2;
    list.scrollTo({ left: Math.max(0, left) });
  }, [selectedCode]);

  return (
    <nav className="action-tabs" aria-label="五大行动">
      <ul className="action-tabs__list" ref={listRef}>
        {actions.map((action) => {
          const selected = action.code === selectedCode;
          const { projectCount, completedCount } = action.summary;
          return (
            <li key={action.id}>
              <a
                className="action-tabs__tab"
                href={`?action=${action.code}`}
                title={`${action.name}（竣工 ${completedCount}/${projectCount} 个项目）`}
                aria-current={selected ? "page" : undefined}
                onClick={(event) => {
                  // Plain clicks stay in the page; ctrl/cmd-click still opens a new tab.
                  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
                  event.preventDefault();
                  onSelect(action.code);
                }}
              >
                <span className="action-tabs__code">{action.code}</span>
                <span className="action-tabs__name">{action.shortName}</span>
                {/* Hidden on phones, where the tabs scroll sideways and every pixel counts. */}
                <span className="action-tabs__progress">
                  竣工 {completedCount}/{projectCount}
                </span>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
