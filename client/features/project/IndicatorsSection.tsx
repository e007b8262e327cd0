// 关联指标: the plan's indicators this project moves (linked on the 指标监测 page).
import { graphql, readFragment, type FragmentOf } from "../../graphql";

export const IndicatorsSectionFragment = graphql(`
  fragment IndicatorsSection_project on Project {
    id
    indicatorLinks {
      indicator {
        id
        code
        name
      }
    }
  }
`);

export function IndicatorsSection({ project: data }: { project: FragmentOf<typeof IndicatorsSectionFragment> }) {
  const { indicatorLinks } = readFragment(IndicatorsSectionFragment, data);
  if (indicatorLinks.length === 0) return null;
  return (
    <section className="drawer-section" aria-label="关联指标">
      <h3 className="drawer-section__title">关联指标</h3>
      <p className="drawer-section__hint">{indicatorLinks.map(({ indicator }) => `${indicator.code}. ${indicator.name}`).join("；")}</p>
    </section>
  );
}
