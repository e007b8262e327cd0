// 资金来源: an editable list of kind + amount (万元), each kind at most once, rows added and removed,
// with their total; for both project forms (项目入库 and the drawer's 编辑).
import { useEffect, useId, useRef, useState } from "react";
import type { SchemaType } from "../../graphql";
import { formatInvestment, FUNDING_KINDS, FUNDING_LABELS } from "../board/format";
import "./fields.css";
import { fundingRow, fundingRowErrorKey, fundingTotal, type FundingRow, type FundingRowErrors } from "./fundingRows";

type FundingKind = SchemaType<"FundingKind">;

interface FundingSourcesFieldProps {
  rows: FundingRow[];
  onChange: (rows: FundingRow[]) => void;
  /** The rows' failed checks (checkFundingRows); other keys are ignored. */
  rowErrors: FundingRowErrors;
  /** About the whole list (the server's refusal); shown only while no row is marked. */
  error?: string | null;
  /** The fieldset's id, for a form that moves the focus to it; it takes the focus itself. */
  id?: string;
  legend: string;
  /** e.g. a section title's class; a field label's by default. */
  legendClassName?: string;
  /** Said while there is no row. */
  emptyHint: string;
  /** 他人已改为 …, after a 版本冲突. */
  theirs?: string;
  disabled?: boolean;
  /** e.g. `drawer-field--wide`. */
  className?: string;
}

export function FundingSourcesField(props: FundingSourcesFieldProps) {
  const { rows, onChange, rowErrors, error, legend, emptyHint, theirs, disabled } = props;
  const madeId = useId();
  const id = props.id ?? madeId;
  // A new row's kind gets the focus.
  const [added, setAdded] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (added !== null) listRef.current?.querySelector<HTMLSelectElement>(`[data-row="${added}"]`)?.focus();
  }, [added]);

  const update = (key: string, change: Partial<FundingRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const total = fundingTotal(rows);
  // The rows' own marks say it all; the list's message is for a refusal by the server.
  const listError = rows.some((row) => rowErrors[fundingRowErrorKey(row, "kind")] || rowErrors[fundingRowErrorKey(row, "amount")]) ? null : error;
  const note = rows.length === 0 ? emptyHint : total !== null ? `合计 ${formatInvestment(total)}` : null;

  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={props.className ? `funding ${props.className}` : "funding"}
      aria-describedby={[listError && `${id}-error`, note && `${id}-note`].filter(Boolean).join(" ") || undefined}
    >
      <legend className={props.legendClassName ?? "field__label"}>{legend}</legend>
      {rows.length > 0 && (
        <ul className="funding__rows" ref={listRef}>
          {rows.map((row, index) => {
            const kindError = rowErrors[fundingRowErrorKey(row, "kind")];
            const amountError = rowErrors[fundingRowErrorKey(row, "amount")];
            const errorId = kindError || amountError ? `${id}-${row.key}-error` : undefined;
            const taken = new Set(rows.filter((other) => other.key !== row.key).map((other) => other.kind));
            return (
              <li key={row.key} className="funding__row">
                <select
                  className="select"
                  aria-label={`第 ${index + 1} 项资金类型`}
                  aria-invalid={Boolean(kindError)}
                  aria-describedby={errorId}
                  data-row={row.key}
                  value={row.kind}
                  disabled={disabled}
                  onChange={(event) => update(row.key, { kind: event.target.value as FundingKind | "" })}
                >
                  <option value="">请选择类型</option>
                  {FUNDING_KINDS.map((kind) => (
                    <option key={kind} value={kind} disabled={taken.has(kind)}>
                      {FUNDING_LABELS[kind]}
                    </option>
                  ))}
                </select>
                <input
                  className="input"
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  placeholder="金额（万元）"
                  aria-label={`第 ${index + 1} 项金额（万元）`}
                  aria-invalid={Boolean(amountError)}
                  aria-describedby={errorId}
                  value={row.amount}
                  disabled={disabled}
                  onChange={(event) => update(row.key, { amount: event.target.value })}
                />
                <button
                  className="button button--small button--ghost"
                  type="button"
                  disabled={disabled}
                  aria-label={`删除第 ${index + 1} 项资金来源`}
                  onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
                >
                  删除
                </button>
                {errorId && (
                  <p className="field__error funding__error" id={errorId}>
                    {[kindError, amountError].filter(Boolean).join("；")}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {listError && (
        <p className="field__error" id={`${id}-error`}>
          {listError}
        </p>
      )}
      <div className="funding__foot">
        <button
          className="button button--small"
          type="button"
          disabled={disabled || rows.length >= FUNDING_KINDS.length}
          onClick={() => {
            const row = fundingRow();
            onChange([...rows, row]);
            setAdded(row.key);
          }}
        >
          ＋ 添加资金来源
        </button>
        {note && (
          <p className="field__hint funding__note" id={`${id}-note`}>
            {note}
          </p>
        )}
      </div>
      {theirs && <p className="field__theirs">他人已改为：{theirs}</p>}
    </fieldset>
  );
}
