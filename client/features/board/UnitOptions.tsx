// The units that can be responsible for or own a project (责任单位, 业主单位), as <option>s grouped by
// kind and sorted by short name: for the board's filter and the intake form.
import type { SchemaType } from "../../graphql";

export interface UnitOption {
  id: string;
  kind: SchemaType<"UnitKind">;
  shortName: string;
}

/** Kinds of unit that can be responsible for a project, in the order they are listed. */
const UNIT_GROUPS: { kind: UnitOption["kind"]; label: string }[] = [
  { kind: "BUREAU", label: "县级部门" },
  { kind: "COMPANY", label: "国有企业" },
  { kind: "TOWNSHIP", label: "乡镇（街道）" },
];

const collator = new Intl.Collator("zh-CN");

/** Chinese order of short names (拼音 with the zh-CN collation). */
export const byShortName = (a: { shortName: string }, b: { shortName: string }) => collator.compare(a.shortName, b.shortName);

export function UnitOptions({ units }: { units: readonly UnitOption[] }) {
  return UNIT_GROUPS.map((group) => (
    <optgroup key={group.kind} label={group.label}>
      {units
        .filter((unit) => unit.kind === group.kind)
        .sort(byShortName)
        .map((unit) => (
          <option key={unit.id} value={unit.id}>
            {unit.shortName}
          </option>
        ))}
    </optgroup>
  ));
}
