// 资金来源: a list of (kind, amount in 万元), at most one of each kind (债券, 上级专项资金, 银行贷款…).
import { formatInvestment, FUNDING_KINDS, FUNDING_LABELS, sumInvestment } from "../board/format";
import { normalizeAmount, type FormErrors, type FundingRow } from "./projectForm";

interface FundingSourcesFieldProps {
  rows: FundingRow[];
  errors: FormErrors;
  disabled: boolean;
  onChange: (rows: FundingRow[]) => void;
}

let nextKey = 0;

export function FundingSourcesField({ rows, errors, disabled, onChange }: FundingSourcesFieldProps) {
  const update = (key: string, patch: Partial<FundingRow>) => onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const add = () => {
    // The first kind not yet listed, so that a new row is valid as soon as it has an amount.
    const free = FUNDING_KINDS.find((kind) => !rows.some((row) => row.kind === kind)) ?? "";
    nextKey += 1;
    onChange([...rows, { key: `f${Date.now().toString(36)}${nextKey}`, kind: free, amount: "" }]);
  };
  const total = sumInvestment(rows.map((row) => normalizeAmount(row.amount)));
  const error = errors.fields.fundingSources;
  // The rows' own marks say it all; the field's message is for a refusal by the server.
  const rowErrors = rows.some((row) => errors.fundingRows[row.key]);

  return (
    <fieldset
      id="intake-fundingSources"
      tabIndex={-1}
      className={error ? "intake-funding intake-field--invalid" : "intake-funding"}
      aria-describedby={error && !rowErrors ? "intake-funding-error intake-funding-hint" : "intake-funding-hint"}
    >
      <legend className="intake-section__title">资金来源</legend>
      {rows.length > 0 && (
        <ul className="intake-funding__rows">
          {rows.map((row, index) => {
            const rowError = errors.fundingRows[row.key];
            const errorId = rowError ? `intake-funding-${row.key}-error` : undefined;
            return (
              <li key={row.key} className="intake-funding__row">
                <select
                  className="select intake-funding__kind"
                  aria-label={`第 ${index + 1} 项资金类型`}
                  aria-invalid={Boolean(rowError && !row.kind)}
                  aria-describedby={errorId}
                  value={row.kind}
                  disabled={disabled}
                  onChange={(event) => update(row.key, { kind: event.target.value as FundingRow["kind"] })}
                >
                  <option value="">选择类型</option>
                  {FUNDING_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {FUNDING_LABELS[kind]}
                    </option>
                  ))}
                </select>
                <input
                  className="input intake-funding__amount"
                  inputMode="decimal"
                  autoComplete="off"
                  placeholder="金额（万元）"
                  aria-label={`第 ${index + 1} 项金额（万元）`}
                  aria-invalid={Boolean(rowError && row.kind)}
                  aria-describedby={errorId}
                  value={row.amount}
                  disabled={disabled}
                  onChange={(event) => update(row.key, { amount: event.target.value })}
                />
                <button
                  className="button button--ghost button--small intake-funding__remove"
                  type="button"
                  disabled={disabled}
                  aria-label={`删除第 ${index + 1} 项资金来源`}
                  onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
                >
                  删除
                </button>
                {rowError && (
                  <p className="intake-field__error intake-funding__error" id={errorId}>
                    {rowError}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {error && !rowErrors && (
        <p className="intake-field__error" id="intake-funding-error">
          {error}
        </p>
      )}
      <div className="intake-funding__foot">
        <button className="button button--small" type="button" disabled={disabled || rows.length >= FUNDING_KINDS.length} onClick={add}>
          ＋ 添加资金来源
        </button>
        <p className="intake-field__hint" id="intake-funding-hint">
          {rows.length > 0 ? `合计 ${formatInvestment(total)}` : "债券、上级专项资金、银行贷款等，每种填写一次；可稍后在项目详情中补充"}
        </p>
      </div>
    </fieldset>
  );
}
