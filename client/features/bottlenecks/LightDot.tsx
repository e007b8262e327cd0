// A project's traffic light (红黄绿灯) with its reasons as the tooltip: on board cards and in lists.
import { graphql, readFragment, type FragmentOf } from "../../graphql";
import "./bottlenecks.css";

export const LightFragment = graphql(`
  fragment Light_light on ProjectLight {
    color
    reasons
  }
`);

const LABELS = { GREEN: "绿灯", YELLOW: "黄灯", RED: "红灯" } as const;

export function LightDot({ light: data, withLabel = false }: { light: FragmentOf<typeof LightFragment>; withLabel?: boolean }) {
  const light = readFragment(LightFragment, data);
  const title = light.reasons.length > 0 ? `${LABELS[light.color]}：${light.reasons.join("；")}` : `${LABELS[light.color]}：正常推进`;
  return (
    <span className={`light light--${light.color.toLowerCase()}`} title={title} role="img" aria-label={title} data-light={light.color}>
      {withLabel && <span className="light__label">{LABELS[light.color]}</span>}
    </span>
  );
}
