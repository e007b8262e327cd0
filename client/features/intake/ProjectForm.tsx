// 登记项目: one new project, registered in 储备 with createProject. Checked in Chinese before it is
// sent; the server's ValidationError shows at its field; what was typed stays on any failure (and in
// the tab's draft, see useFormDraft); one save at a time.
import { useEffect, useRef, useState, type FormEvent, type InputHTMLAttributes } from "react";
import { openProjectOnBoard } from "../../app/useActionParam";
import type { SchemaType } from "../../graphql";
import { byShortName, UnitOptions } from "../board/UnitOptions";
import { FormField, type FieldControlProps } from "../project/FormField";
import { FundingSourcesField } from "../project/FundingSourcesField";
import type { IntakeReference } from "./IntakePage";
import {
  emptyProjectForm,
  errorCount,
  FIELD_ORDER,
  MAX_DESCRIPTION,
  NO_ERRORS,
  validateProjectForm,
  type FieldName,
  type FormErrors,
  type ProjectFormValues,
} from "./projectForm";
import { useCreateProject, type CreatedProject } from "./useCreateProject";
import { useFormDraft } from "./useFormDraft";

const fieldId = (field: FieldName) => `intake-${field}`;

/** The form's plain text fields (typed as they are kept). */
type TextField = Exclude<keyof ProjectFormValues, "fundingSources" | "subTaskId" | "responsibleUnitId" | "ownerUnitId" | "townshipId">;

/** Focuses the first field in error (for funding, its first marked row). */
function focusFirstError(errors: FormErrors): void {
  const first = FIELD_ORDER.find((field) => errors.fields[field]);
  if (!first) return;
  const target =
    first === "fundingSources"
      ? (document.querySelector<HTMLElement>('#intake-fundingSources [aria-invalid="true"]') ?? document.getElementById(fieldId(first)))
      : document.getElementById(fieldId(first));
  target?.focus();
}

interface ProjectFormProps {
  reference: IntakeReference;
  viewer: { id: string; role: SchemaType<"Role">; unitId: string | null };
}

export function ProjectForm({ reference, viewer }: ProjectFormProps) {
  const fixedUnitId = viewer.role === "OWNER" ? viewer.unitId : null;
  const { values, restored, setValues, clear } = useFormDraft(viewer.id, fixedUnitId);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedProject | null>(null);
  const { createProject, fetching } = useCreateProject();
  // A second click (or Enter) while the first save is on its way does nothing.
  const saving = useRef(false);
  const doneRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (created) doneRef.current?.focus();
  }, [created]);

  function set<K extends keyof ProjectFormValues>(field: K, value: ProjectFormValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    // A corrected field loses its mark; the others keep theirs until the next check.
    if (errors.fields[field]) setErrors((current) => ({ ...current, fields: { ...current.fields, [field]: undefined } }));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving.current) return;
    const checked = validateProjectForm(values);
    const count = errorCount(checked);
    if (count > 0) {
      setErrors(checked);
      setFormMessage(`有 ${count} 处需要修改，请查看标红的项目。`);
      focusFirstError(checked);
      return;
    }
    saving.current = true;
    setErrors(NO_ERRORS);
    setFormMessage(null);
    try {
      const outcome = await createProject(values);
      if (outcome.ok) {
        clear();
        setCreated(outcome.project);
      } else if (outcome.field) {
        const refused: FormErrors = { fields: { [outcome.field]: outcome.message }, fundingRows: {} };
        setErrors(refused);
        setFormMessage(`未保存：${outcome.message}`);
        focusFirstError(refused);
      } else {
        setFormMessage(`未保存：${outcome.message}`);
      }
    } finally {
      saving.current = false;
    }
  }

  function startOver() {
    if (window.confirm("清空已填写的全部内容？")) {
      clear();
      setErrors(NO_ERRORS);
      setFormMessage(null);
    }
  }

  if (created) {
    return (
      <div className="intake-done">
        <h2 className="intake-done__title" ref={doneRef} tabIndex={-1}>
          登记成功
        </h2>
        <p className="intake-done__text" role="status">
          「{created.name}」已入库，项目编号 <strong className="intake-done__code">{created.code}</strong>，现处于「储备」阶段（
          {created.actionName}）。
        </p>
        <div className="intake-actions">
          <a
            className="button button--primary"
            href={`?action=${created.actionCode}&project=${encodeURIComponent(created.id)}`}
            onClick={(event) => {
              event.preventDefault();
              openProjectOnBoard(created.actionCode, created.id);
            }}
          >
            在看板中查看
          </a>
          <button className="button" type="button" onClick={() => setCreated(null)}>
            继续登记
          </button>
        </div>
      </div>
    );
  }

  /** An <input> bound to a text field of the form. */
  const textInput =
    (name: TextField, attributes: InputHTMLAttributes<HTMLInputElement> = {}) =>
    (control: FieldControlProps) => (
      <input
        {...control}
        className="input"
        autoComplete="off"
        {...attributes}
        value={values[name]}
        disabled={fetching}
        onChange={(event) => set(name, event.target.value)}
      />
    );
  /** A labelled text field with its error (and hint). */
  const field = (
    name: TextField,
    label: string,
    options: { required?: boolean; hint?: string; className?: string },
    attributes: InputHTMLAttributes<HTMLInputElement> = {},
  ) => (
    <FormField id={fieldId(name)} label={label} error={errors.fields[name]} {...options}>
      {textInput(name, attributes)}
    </FormField>
  );

  const fixedUnit = fixedUnitId ? reference.units.find((unit) => unit.id === fixedUnitId) : undefined;
  const townships = reference.units.filter((unit) => unit.kind === "TOWNSHIP").sort(byShortName);
  const dirty = JSON.stringify(values) !== JSON.stringify(emptyProjectForm(fixedUnitId ?? ""));

  return (
    <form className="intake-form" noValidate onSubmit={(event) => void submit(event)} aria-describedby={restored ? "intake-restored" : undefined}>
      {restored && (
        <p className="intake-note" id="intake-restored">
          已恢复本窗口中上次未提交的内容。
        </p>
      )}

      <fieldset className="intake-section">
        <legend className="intake-section__title">基本信息</legend>
        <div className="intake-grid">
          {field("name", "项目名称", { required: true, className: "intake-grid__full" }, { maxLength: 400, placeholder: "如：八一街市政道路更新改造" })}
          <FormField id={fieldId("subTaskId")} label="所属子任务" required error={errors.fields.subTaskId} className="intake-grid__wide">
            {(control) => (
              <select {...control} className="select" value={values.subTaskId} disabled={fetching} onChange={(event) => set("subTaskId", event.target.value)}>
                <option value="">请选择五大行动下的子任务</option>
                {reference.actions.map((action) => (
                  <optgroup key={action.id} label={`行动${action.code}：${action.shortName}`}>
                    {action.subTasks.map((subTask) => (
                      <option key={subTask.id} value={subTask.id}>
                        {subTask.code} {subTask.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            )}
          </FormField>
          {field("code", "项目编号", { hint: "选填；留空则按子任务自动编号（如 QX-2.1-03）" }, { spellCheck: false, placeholder: "自动编号" })}
        </div>
      </fieldset>

      <fieldset className="intake-section">
        <legend className="intake-section__title">责任主体</legend>
        <div className="intake-grid">
          <FormField
            id={fieldId("responsibleUnitId")}
            label="责任单位"
            required
            error={errors.fields.responsibleUnitId}
            hint={fixedUnitId ? "业主单位账号只能为本单位登记项目" : undefined}
          >
            {(control) =>
              fixedUnitId ? (
                <select {...control} className="select" value={fixedUnitId} disabled>
                  <option value={fixedUnitId}>{fixedUnit?.shortName ?? "本单位"}</option>
                </select>
              ) : (
                <select
                  {...control}
                  className="select"
                  value={values.responsibleUnitId}
                  disabled={fetching}
                  onChange={(event) => set("responsibleUnitId", event.target.value)}
                >
                  <option value="">请选择</option>
                  <UnitOptions units={reference.units} />
                </select>
              )
            }
          </FormField>
          <FormField id={fieldId("ownerUnitId")} label="业主单位" error={errors.fields.ownerUnitId}>
            {(control) => (
              <select {...control} className="select" value={values.ownerUnitId} disabled={fetching} onChange={(event) => set("ownerUnitId", event.target.value)}>
                <option value="">同责任单位</option>
                <UnitOptions units={reference.units} />
              </select>
            )}
          </FormField>
          <FormField id={fieldId("townshipId")} label="所在乡镇（街道）" error={errors.fields.townshipId}>
            {(control) => (
              <select {...control} className="select" value={values.townshipId} disabled={fetching} onChange={(event) => set("townshipId", event.target.value)}>
                <option value="">不填</option>
                {townships.map((unit) => (
                  <option key={unit.id} value={unit.id}>
                    {unit.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
      </fieldset>

      <fieldset className="intake-section">
        <legend className="intake-section__title">投资与计划</legend>
        <div className="intake-grid">
          <FormField id={fieldId("totalInvestment")} label="总投资（万元）" required error={errors.fields.totalInvestment}>
            {(control) => (
              <div className="intake-amount">
                {textInput("totalInvestment", { inputMode: "decimal", placeholder: "如 3500" })(control)}
                <span className="intake-amount__unit" aria-hidden="true">
                  万元
                </span>
              </div>
            )}
          </FormField>
          {field("plannedStart", "计划开工", {}, { type: "date", min: "1900-01-01", max: "2200-12-31" })}
          {field("plannedCompletion", "计划竣工", {}, { type: "date", min: values.plannedStart || "1900-01-01", max: "2200-12-31" })}
          {field("targetQuantity", "目标数量", { hint: "量化目标，如 充电桩 1000 个" }, { inputMode: "decimal", placeholder: "如 1000" })}
          {field("targetUnit", "计量单位", {}, { placeholder: "如 个、公里、所" })}
        </div>
      </fieldset>

      <div className="intake-section">
        <FundingSourcesField
          id={fieldId("fundingSources")}
          legend="资金来源"
          legendClassName="intake-section__title"
          emptyHint="债券、上级专项资金、银行贷款等，每种填写一次；可稍后在项目详情中补充"
          rows={values.fundingSources}
          rowErrors={errors.fundingRows}
          error={errors.fields.fundingSources}
          disabled={fetching}
          onChange={(rows) => {
            setValues((current) => ({ ...current, fundingSources: rows }));
            if (errors.fields.fundingSources) setErrors({ fields: { ...errors.fields, fundingSources: undefined }, fundingRows: {} });
          }}
        />
      </div>

      <div className="intake-section">
        <FormField
          id={fieldId("description")}
          label="项目简介"
          error={errors.fields.description}
          hint={`建设内容、规模等，${values.description.trim().length}/${MAX_DESCRIPTION} 字`}
        >
          {(control) => (
            <textarea
              {...control}
              className="input intake-textarea"
              rows={4}
              value={values.description}
              disabled={fetching}
              onChange={(event) => set("description", event.target.value)}
            />
          )}
        </FormField>
      </div>

      <div className="intake-actions intake-actions--form">
        {formMessage && (
          <div className="form-message form-message--error intake-form__message" role="alert">
            {formMessage}
          </div>
        )}
        <button className="button button--primary" type="submit" disabled={fetching} aria-disabled={fetching}>
          {fetching ? "正在提交…" : "登记入库"}
        </button>
        {dirty && (
          <button className="button button--ghost" type="button" disabled={fetching} onClick={startOver}>
            清空
          </button>
        )}
        <p className="intake-actions__note">登记后项目进入「储备」阶段；带 * 的为必填项。</p>
      </div>
    </form>
  );
}
