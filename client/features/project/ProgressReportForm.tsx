// The monthly progress report form: the month (this month in China by default), the investment
// completed that month (万元), 形象进度 (required) and 存在问题. A month already reported is revised.
import { useState, type FormEvent } from "react";
import type { ResultOf } from "../../graphql";
import { formatInvestment } from "../board/format";
import { FormActions } from "./FormActions";
import { FormField } from "./FormField";
import { currentMonthInChina, formatMonth } from "./labels";
import type { ProgressSectionFragment } from "./ProgressSection";
import { useChangeForm } from "./useChangeForm";
import { useSubmitProgressReport } from "./useSubmitProgressReport";
import { checkAmount, checkMonth, checkText, failedChecks, hundredths, normalizeAmount, type FieldErrors } from "./validation";

type Project = ResultOf<typeof ProgressSectionFragment>;

const FIELDS = ["month", "investmentThisMonth", "narrative", "problems"] as const;
type ReportField = (typeof FIELDS)[number];
type ReportValues = Record<ReportField, string>;

function checkReport(values: ReportValues, project: Project, currentMonth: string): FieldErrors<ReportField> {
  const errors = failedChecks<ReportField>({
    month: checkMonth(values.month, currentMonth),
    investmentThisMonth: checkAmount(values.investmentThisMonth, "本月完成投资"),
    narrative: checkText(values.narrative, "形象进度", true),
    problems: checkText(values.problems, "存在问题"),
  });
  if (!errors.month && !errors.investmentThisMonth) {
    // As the server: the reports' sum may not pass the total investment (a revised month counts once).
    const previous = project.progressReports.find((report) => report.month === values.month);
    const others = hundredths(project.completedInvestment) - (previous ? hundredths(previous.investmentThisMonth) : 0);
    const room = hundredths(project.totalInvestment) - others;
    if (hundredths(values.investmentThisMonth) > room) {
      errors.investmentThisMonth = `累计完成投资不能超过项目总投资（本月最多还可填报 ${formatInvestment(Math.max(0, room) / 100)}）`;
    }
  }
  return errors;
}

interface ProgressReportFormProps {
  project: Project;
  onSaved: () => Promise<unknown>;
  /** After a save, with the month reported. */
  onDone: (month: string) => void;
  onCancel: () => void;
}

export function ProgressReportForm({ project, onSaved, onDone, onCancel }: ProgressReportFormProps) {
  const submitReport = useSubmitProgressReport();
  const form = useChangeForm(FIELDS, "报送失败：");
  const currentMonth = currentMonthInChina();
  const [values, setValues] = useState<ReportValues>({ month: currentMonth, investmentThisMonth: "", narrative: "", problems: "" });
  const reported = project.progressReports.some((report) => report.month === values.month);

  function submit(event: FormEvent) {
    event.preventDefault();
    void form.submit(
      checkReport(values, project, currentMonth),
      () =>
        submitReport({
          input: {
            projectId: project.id,
            month: values.month,
            investmentThisMonth: normalizeAmount(values.investmentThisMonth),
            narrative: values.narrative.trim(),
            problems: values.problems.trim() || null,
          },
        }),
      async () => {
        await onSaved();
        onDone(values.month);
      },
    );
  }

  const field = (name: ReportField) => ({
    value: values[name],
    onChange: (event: { target: { value: string } }) => setValues((current) => ({ ...current, [name]: event.target.value })),
  });

  return (
    <form ref={form.formRef} className="drawer-form drawer-form--grid drawer-form--boxed" onSubmit={submit} noValidate aria-label="填报月度进度">
      <FormField
        label="月份"
        required
        error={form.errors.month}
        hint={reported ? `${formatMonth(values.month)}已报送，提交后将修订该月进度。` : undefined}
      >
        {(control) => <input className="input" type="month" min="2020-01" max={currentMonth} {...control} {...field("month")} />}
      </FormField>
      <FormField label="本月完成投资（万元）" required error={form.errors.investmentThisMonth}>
        {(control) => <input className="input" type="text" inputMode="decimal" placeholder="如 120.5" autoFocus {...control} {...field("investmentThisMonth")} />}
      </FormField>
      <FormField label="形象进度" required error={form.errors.narrative} className="drawer-field--wide">
        {(control) => (
          <textarea className="input drawer-textarea" rows={3} placeholder="本月完成的工程内容、节点进展" {...control} {...field("narrative")} />
        )}
      </FormField>
      <FormField label="存在问题" error={form.errors.problems} className="drawer-field--wide">
        {(control) => <textarea className="input drawer-textarea" rows={2} placeholder="选填" {...control} {...field("problems")} />}
      </FormField>
      <div className="drawer-field--wide drawer-form__foot">
        <FormActions saving={form.saving} failure={form.failureText} submitLabel={reported ? "修订" : "报送"} onCancel={onCancel} />
      </div>
    </form>
  );
}
