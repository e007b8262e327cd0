// The office's entry of a yearly actual (CONFIGURERS): measure, year, value and a note (the source).
// Checked in Chinese before sending; a refusal is shown at its field and every typed value stays.
// A year already entered is revised (the server's audit trail keeps the old value).
import { useState, type FormEvent } from "react";
import { graphql, readFragment, type FragmentOf } from "../../graphql";
import { FormActions } from "../project/FormActions";
import { FormField } from "../project/FormField";
import { showErrors } from "../project/showErrors";
import { useSaving } from "../project/useSaving";
import { ACTUAL_YEARS, formatMeasureValue } from "./indicatorFormat";
import { useSetIndicatorValue } from "./useSetIndicatorValue";
import { checkNote, checkValue, valueNumber } from "./valueCheck";

export const ValueEntryFormFragment = graphql(`
  fragment ValueEntryForm_indicator on Indicator {
    id
    name
    measures {
      id
      label
      unit
      format
      values {
        year
        value
        note
      }
    }
  }
`);

type Field = "measureId" | "year" | "value" | "note";
type Values = Record<Field, string>;

function placeholderFor(measure: { unit: string; format: string | null }): string {
  if (measure.format === "1:{value}") return "如 12.5（即 1:12.5）";
  if (measure.format === "{value}:1") return "如 1.9（即 1.9:1）";
  return measure.unit === "%" ? "如 45.6（百分数）" : `单位：${measure.unit || "—"}`;
}

export function ValueEntryForm({ indicator: data }: { indicator: FragmentOf<typeof ValueEntryFormFragment> }) {
  const indicator = readFragment(ValueEntryFormFragment, data);
  const setIndicatorValue = useSetIndicatorValue();
  const [saving, run] = useSaving();
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const first = indicator.measures[0]!;
  const firstOpenYear = ACTUAL_YEARS.find((year) => !first.values.some((v) => v.year === year)) ?? 2025;
  const [values, setValues] = useState<Values>({ measureId: first.id, year: String(firstOpenYear), value: "", note: "" });
  const measure = indicator.measures.find((m) => m.id === values.measureId) ?? first;
  const entered = measure.values.find((v) => v.year === Number(values.year));
  const formId = `indicator-entry-${indicator.id}`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    void run(async () => {
      setFailure(null);
      setSaved(null);
      const checked = { value: checkValue(measure, values.value) ?? undefined, note: checkNote(values.note) ?? undefined };
      showErrors(form, () => setErrors(checked));
      if (checked.value || checked.note) return;
      const number = valueNumber(measure, values.value);
      const outcome = await setIndicatorValue({ measureId: measure.id, year: Number(values.year), value: number, note: values.note.trim() || null });
      if (outcome.ok) {
        setSaved(`已保存 ${values.year} 年${measure.label}：${formatMeasureValue(measure, number)}`);
        setValues((current) => ({ ...current, value: "", note: "" }));
      } else if (outcome.field === "value" || outcome.field === "year" || outcome.field === "note") {
        const field = outcome.field;
        showErrors(form, () => setErrors({ [field]: outcome.message }));
      } else setFailure(`保存失败：${outcome.message}`);
    });
  }

  const field = (name: Field) => ({
    value: values[name],
    onChange: (event: { target: { value: string } }) => {
      setSaved(null);
      setValues((current) => ({ ...current, [name]: event.target.value }));
    },
  });

  return (
    <form id={formId} className="drawer-form drawer-form--grid drawer-form--boxed indicator-entry" onSubmit={submit} noValidate aria-label={`填报${indicator.name}年度实际值`}>
      {indicator.measures.length > 1 && (
        <FormField label="计量" required className="drawer-field--wide">
          {(control) => (
            <select className="select" {...control} {...field("measureId")}>
              {indicator.measures.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      <FormField
        label="年份"
        required
        error={errors.year}
        hint={entered ? `${values.year} 年已填报 ${formatMeasureValue(measure, entered.value)}，提交后将修订（原值留痕）。` : undefined}
      >
        {(control) => (
          <select className="select" {...control} {...field("year")}>
            {ACTUAL_YEARS.map((year) => (
              <option key={year} value={year}>
                {year} 年
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        label={`实际值${measure.unit ? `（${measure.unit}）` : ""}`}
        required
        error={errors.value}
        hint={values.value.trim() && !checkValue(measure, values.value) ? `记为 ${formatMeasureValue(measure, valueNumber(measure, values.value))}` : undefined}
      >
        {(control) => <input className="input" type="text" inputMode="decimal" placeholder={placeholderFor(measure)} {...control} {...field("value")} />}
      </FormField>
      <FormField label="说明" error={errors.note} className="drawer-field--wide">
        {(control) => <input className="input" type="text" placeholder="选填，如 数据来源：2024 年统计公报" {...control} {...field("note")} />}
      </FormField>
      <div className="drawer-field--wide drawer-form__foot">
        {saved && (
          <p className="form-message indicator-entry__saved" role="status">
            {saved}
          </p>
        )}
        <FormActions saving={saving} failure={failure} submitLabel={entered ? "修订" : "保存"} />
      </div>
    </form>
  );
}
