// A project's traffic light (红黄绿灯) with its reasons as the tooltip: on board cards and in lists.
import type { SchemaType } from "../../graphql";
import "./bottlenecks.css";

/** What a document asks of a light: `light { color reasons }` (inline, not a fragment: the board's query is near the depth limit). */
export interface LightData {
  color: SchemaType<"LightColor">;
  reasons: readonly string[];
}

const LABELS = { GREEN: "绿灯", YELLOW: "黄灯", RED: "红灯" } as const;

export function LightDot({ light, withLabel = false }: { light: LightData; withLabel?: boolean }) {
  const title = light.reasons.length > 0 ? `${LABELS[light.color]}：${light.reasons.join("；")}` : `${LABELS[light.color]}：正常推进`;
  return (
    <span className={`light light--${light.color.toLowerCase()}`} title={title} role="img" aria-label={title} data-light={light.color}>
      {withLabel && <span className="light__label">{LABELS[light.color]}</span>}
    </span>
  );
}
