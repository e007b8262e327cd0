// 资金来源: an editable list of kind + amount (万元), each kind at most once, rows added and removed.
import { useEffect, useId, useRef, useState } from "react";
import type { SchemaType } from "../../graphql";
import { formatInvestment, FUNDING_KINDS, FUNDING_LABELS } from "../board/format";
import { fundingErrorKey, fundingRow, type FundingRow } from "./basicForm";
import { checkAmount, hundredths, type FieldErrors } from "./validation";

type FundingKind = SchemaType<"FundingKind">;

interface FundingSourcesFieldProps {
  rows: FundingRow[];
  onChange: (rows: FundingRow[]) => void;
  /** The form's errors: the rows' own (fundingErrorKey) and the server's for the whole list. */
  errors: FieldErrors<string>;
  /** 他人已改为 …, after a 版本冲突. */
  theirs?: string;
}

export function FundingSourcesField({ rows, onChange, errors, theirs }: FundingSourcesFieldProps) {
  const legendId = useId();
  const listError = errors.fundingSources;
  // A new row's kind gets the focus.
  const [added, setAdded] = useState<number | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (added !== null) listRef.current?.querySelector<HTMLSelectElement>(`[data-row="${added}"]`)?.focus();
  }, [added]);

  const update = (key: number, change: Partial<FundingRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const total = rows.every((row) => checkAmount(row.amount, "") === null) ? rows.reduce((sum, row) => sum + hundredths(row.amount), 0) / 100 : null;

  return (
    <fieldset className="funding-field drawer-field--wide" aria-describedby={listError ? `${legendId}-error` : undefined}>
      <legend className="drawer-field__label" id={legendId}>
        资金来源（万元）
      </legend>
      {rows.length === 0 ? (
        <p className="drawer-field__hint">尚未填写资金来源。</p>
      ) : (
        <ul className="funding-rows" ref={listRef}>
          {rows.map((row, index) => {
            const kindError = errors[fundingErrorKey(row, "kind")];
            const amountError = errors[fundingErrorKey(row, "amount")];
            const taken = new Set(rows.filter((other) => other.key !== row.key).map((other) => other.kind));
            return (
              <li key={row.key} className="funding-row">
                <select
                  className="select funding-row__kind"
                  aria-label={`第 ${index + 1} 项资金类型`}
                  aria-invalid={Boolean(kindError)}
                  data-row={row.key}
                  value={row.kind}
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
                  className="input funding-row__amount"
                  type="text"
                  inputMode="decimal"
                  placeholder="金额"
                  aria-label={`第 ${index + 1} 项金额（万元）`}
                  aria-invalid={Boolean(amountError)}
                  value={row.amount}
                  onChange={(event) => update(row.key, { amount: event.target.value })}
                />
                <button
                  className="button button--small button--ghost"
                  type="button"
                  aria-label={`删除第 ${index + 1} 项资金来源`}
                  onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
                >
                  删除
                </button>
                {(kindError || amountError) && (
                  <p className="drawer-field__error funding-row__error">{[kindError, amountError].filter(Boolean).join("；")}</p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <div className="funding-field__foot">
        <button
          className="button button--small"
          type="button"
          disabled={rows.length >= FUNDING_KINDS.length}
          onClick={() => {
            const row = fundingRow();
            onChange([...rows, row]);
            setAdded(row.key);
          }}
        >
          添加资金来源
        </button>
        {rows.length > 0 && total !== null && <span className="funding-field__total">合计 {formatInvestment(total)}</span>}
      </div>
      {theirs && <p className="drawer-field__theirs">他人已改为：{theirs}</p>}
      {listError && (
        <p className="drawer-field__error" id={`${legendId}-error`}>
          {listError}
        </p>
      )}
    </fieldset>
  );
}
