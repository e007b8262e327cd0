// 基本信息 as a form. Only the changed fields are sent, with the version the form was read at; a
// 版本冲突 keeps everything typed and offers the current version, with the user's edits carried over.
import { useState, type FormEvent } from "react";
import { todayInChina } from "../../app/useActionParam";
import {
  BASIC_FIELDS,
  basicValues,
  changedFields,
  checkBasic,
  describeValue,
  projectPatch,
  rebase,
  type BasicField,
  type BasicValues,
} from "./basicForm";
import type { BasicProject } from "./BasicSection";
import { BusyButton } from "./BusyButton";
import { FormActions } from "./FormActions";
import { FormField } from "./FormField";
import { FundingSourcesField } from "./FundingSourcesField";
import { useChangeForm } from "./useChangeForm";
import { useSaving } from "./useSaving";
import { useUpdateProject } from "./useUpdateProject";

type TextField = Exclude<BasicField, "fundingSources">;

interface BasicFormProps {
  /** The project as the server had it when editing began. */
  project: BasicProject;
  /** Reads the current version from the server (null when that failed); the drawer shows it too. */
  reload: () => Promise<BasicProject | null>;
  onClose: () => void;
}

export function BasicForm({ project, reload, onClose }: BasicFormProps) {
  const updateProject = useUpdateProject();
  const form = useChangeForm(BASIC_FIELDS, "保存失败：");
  // What the form was read from (its version and values) and what the user made of it.
  const [base, setBase] = useState(() => ({ version: project.version, values: basicValues(project) }));
  const [draft, setDraft] = useState<BasicValues>(base.values);
  const [notice, setNotice] = useState<string | null>(null);
  // After loading the current version: what someone else put in the fields the user had changed too.
  const [theirs, setTheirs] = useState<Partial<Record<BasicField, string>>>({});
  const [loading, runLoad] = useSaving();
  const staleVersion = form.failure?.staleVersion ?? null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const fields = changedFields(base.values, draft);
    setNotice(null);
    void form.submit(
      checkBasic(draft, todayInChina()),
      async () =>
        fields.length === 0
          ? { ok: true }
          : updateProject({ input: { projectId: project.id, expectedVersion: base.version, ...projectPatch(draft, fields) } }),
      async () => {
        if (fields.length > 0) await reload();
        onClose();
      },
    );
  }

  function loadCurrent() {
    void runLoad(async () => {
      const current = await reload();
      if (!current) {
        setNotice("无法读取最新版本，请检查网络后重试。你填写的内容仍保留在表单中。");
        return;
      }
      const currentValues = basicValues(current);
      const { values, conflicts } = rebase(base.values, draft, currentValues);
      setBase({ version: current.version, values: currentValues });
      setDraft(values);
      setTheirs(Object.fromEntries(conflicts.map((field) => [field, describeValue(currentValues, field)])));
      form.setFailure(null);
      form.setErrors({});
      setNotice(
        conflicts.length > 0
          ? `已载入最新版本（第 ${current.version} 版）。你的修改已保留；标出的各项他人也改过，请核对后再保存。`
          : `已载入最新版本（第 ${current.version} 版），你的修改已保留，请核对后再保存。`,
      );
    });
  }

  const text = (field: TextField) => ({
    value: draft[field],
    onChange: (event: { target: { value: string } }) => setDraft((current) => ({ ...current, [field]: event.target.value })),
  });
  const hint = (field: BasicField, ownHint?: string) =>
    theirs[field] ? <span className="field__theirs">他人已改为：{theirs[field]}</span> : ownHint;
  const { errors } = form;

  return (
    <form ref={form.formRef} className="drawer-form drawer-form--grid" onSubmit={submit} noValidate aria-label="编辑基本信息">
      <FormField label="项目名称" required error={errors.name} hint={hint("name")} className="drawer-field--wide">
        {(control) => <input className="input" type="text" autoFocus {...control} {...text("name")} />}
      </FormField>
      <FormField label="项目简介" error={errors.description} hint={hint("description")} className="drawer-field--wide">
        {(control) => <textarea className="input drawer-textarea" rows={3} {...control} {...text("description")} />}
      </FormField>
      <FormField label="总投资（万元）" required error={errors.totalInvestment} hint={hint("totalInvestment")}>
        {(control) => <input className="input" type="text" inputMode="decimal" {...control} {...text("totalInvestment")} />}
      </FormField>
      <FormField
        label="目标数量"
        error={errors.targetQuantity ?? errors.targetUnit}
        hint={hint("targetQuantity", "如 充电桩 1000 个") ?? hint("targetUnit")}
      >
        {(control) => (
          <div className="drawer-field__pair">
            <input className="input" type="text" inputMode="decimal" {...control} {...text("targetQuantity")} />
            <input
              className="input drawer-field__unit"
              type="text"
              aria-label="计量单位"
              aria-invalid={Boolean(errors.targetUnit)}
              placeholder="单位"
              {...text("targetUnit")}
            />
          </div>
        )}
      </FormField>
      <FormField label="计划开工" error={errors.plannedStart} hint={hint("plannedStart")}>
        {(control) => <input className="input" type="date" {...control} {...text("plannedStart")} />}
      </FormField>
      <FormField label="计划竣工" error={errors.plannedCompletion} hint={hint("plannedCompletion")}>
        {(control) => <input className="input" type="date" min={draft.plannedStart || undefined} {...control} {...text("plannedCompletion")} />}
      </FormField>
      <FundingSourcesField
        rows={draft.fundingSources}
        onChange={(rows) => setDraft((current) => ({ ...current, fundingSources: rows }))}
        rowErrors={errors}
        error={errors.fundingSources}
        legend="资金来源（万元）"
        emptyHint="尚未填写资金来源。"
        theirs={theirs.fundingSources}
        className="drawer-field--wide"
      />
      <FormField label="竣工验收日期" error={errors.acceptanceDate} hint={hint("acceptanceDate")}>
        {(control) => <input className="input" type="date" max={todayInChina()} {...control} {...text("acceptanceDate")} />}
      </FormField>
      <FormField label="验收文号" error={errors.acceptanceRef} hint={hint("acceptanceRef")}>
        {(control) => <input className="input" type="text" placeholder="如 渠住建验〔2025〕8号" {...control} {...text("acceptanceRef")} />}
      </FormField>

      {staleVersion !== null && (
        <div className="form-message form-message--error drawer-form__failure drawer-field--wide" role="alert">
          <p>
            版本冲突：该项目已被他人修改（现为第 {staleVersion} 版），本次修改未保存。你填写的内容仍保留在表单中，可载入最新版本后核对再保存。
          </p>
          <BusyButton busy={loading} busyLabel="正在载入…" onClick={loadCurrent}>
            载入最新版本
          </BusyButton>
        </div>
      )}
      {notice && (
        <p className="form-message drawer-form__notice drawer-field--wide" role="status">
          {notice}
        </p>
      )}
      <div className="drawer-field--wide drawer-form__foot">
        <FormActions saving={form.saving} failure={staleVersion === null ? form.failureText : null} submitLabel="保存" onCancel={onClose} />
      </div>
    </form>
  );
}
