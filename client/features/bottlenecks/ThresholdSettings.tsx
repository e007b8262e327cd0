// The office's thresholds (滞留天数 per stage, 红黄绿灯), on the bottleneck page for OFFICE and ADMIN.
import { useState, type FormEvent } from "react";
import { useQuery } from "urql";
import { graphql } from "../../graphql";
import { STAGE_LABELS } from "../board/format";
import { SubmitRow } from "../meetings/SubmitRow";
import { useSetDwellThreshold } from "./useSetDwellThreshold";
import { useSetLightThresholds, type LightThresholdsInput } from "./useSetLightThresholds";

const ThresholdsDocument = graphql(`
  query BottleneckThresholds {
    dwellThresholds { stage days }
    lightThresholds { yellowPoints redPoints unstartedMonths yellowSlipDays redSlipDays }
  }
`);
const ThresholdsQuery = graphql.persisted("BottleneckThresholds", ThresholdsDocument);

const LIGHT_FIELDS: { key: keyof LightThresholdsInput; label: string }[] = [
  { key: "yellowPoints", label: "黄灯：落后序时进度（百分点）" },
  { key: "redPoints", label: "红灯：落后超过（百分点）" },
  { key: "unstartedMonths", label: "红灯：超过计划开工（月）未开工" },
  { key: "yellowSlipDays", label: "黄灯：节点逾期超过（天）" },
  { key: "redSlipDays", label: "红灯：节点逾期超过（天）" },
];

export function ThresholdSettings({ onSaved }: { onSaved: () => void }) {
  const [{ data }, reexecute] = useQuery({ query: ThresholdsQuery });
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [savingDwell, saveDwell] = useSetDwellThreshold();
  const [savingLights, saveLights] = useSetLightThresholds();
  if (!data) return null;
  const value = (key: string, current: number) => edits[key] ?? String(current);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const numbers = Object.fromEntries(Object.entries(edits).map(([k, v]) => [k, Number(v)]));
    if (Object.values(numbers).some((n) => !Number.isInteger(n) || n < 0)) return setMessage("请填写非负整数");
    for (const d of data.dwellThresholds) {
      const days = numbers[`dwell:${d.stage}`];
      if (days === undefined || days === d.days) continue;
      const outcome = await saveDwell({ stage: d.stage, days });
      if (!outcome.ok) return setMessage(`${STAGE_LABELS[d.stage]}：${outcome.message}`);
    }
    if (LIGHT_FIELDS.some((f) => numbers[f.key] !== undefined)) {
      const input = Object.fromEntries(LIGHT_FIELDS.map((f) => [f.key, numbers[f.key] ?? data.lightThresholds[f.key]])) as LightThresholdsInput;
      const outcome = await saveLights(input);
      if (!outcome.ok) return setMessage(outcome.message);
    }
    setEdits({});
    setMessage(null);
    reexecute({ requestPolicy: "network-only" });
    onSaved();
  };
  return (
    <details className="bn-panel bn-settings">
      <summary>阈值设置（领导小组办公室）</summary>
      <form className="bn-fields bn-settings__form" onSubmit={submit} aria-label="阈值设置">
        <fieldset>
          <legend>滞留天数（超过即列为滞留）</legend>
          {data.dwellThresholds
            .filter((d) => d.stage !== "COMPLETED")
            .map((d) => (
              <label key={d.stage}>
                {STAGE_LABELS[d.stage]}
                <input type="number" min={1} value={value(`dwell:${d.stage}`, d.days)} onChange={(e) => setEdits({ ...edits, [`dwell:${d.stage}`]: e.target.value })} />
              </label>
            ))}
        </fieldset>
        <fieldset>
          <legend>红黄绿灯</legend>
          {LIGHT_FIELDS.map((f) => (
            <label key={f.key}>
              {f.label}
              <input type="number" min={0} value={value(f.key, data.lightThresholds[f.key])} onChange={(e) => setEdits({ ...edits, [f.key]: e.target.value })} />
            </label>
          ))}
        </fieldset>
        <SubmitRow saving={savingDwell || savingLights} label="保存阈值" busyLabel="正在保存…" message={message} small />
      </form>
    </details>
  );
}
