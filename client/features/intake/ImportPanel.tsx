// 批量导入: the office's 项目清单 from an .xlsx file. The file is checked first (dryRun) and every row
// shown with its problems; only when none has one may it be written, all rows at once or none.
import { useRef, useState, type ChangeEvent } from "react";
import { ImportRowsTable } from "./ImportRowsTable";
import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_FILE_LABEL, MAX_IMPORT_ROWS } from "./importLimits";
import { useImportProjects, type ImportOutcome } from "./useImportProjects";

/** Served by the API (server/modules/project/http.ts), with the session cookie. */
const TEMPLATE_URL = "/import/project-template.xlsx";

type Phase =
  | { step: "choose"; error: string | null }
  | { step: "checking"; fileName: string }
  | { step: "checked"; fileName: string; fileBase64: string; outcome: ImportOutcome; writeError: string | null }
  | { step: "writing"; fileName: string; fileBase64: string; outcome: ImportOutcome }
  | { step: "written"; fileName: string; outcome: ImportOutcome };

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsDataURL(file);
  });
}

/** Why a chosen file cannot be sent, in Chinese, or null. */
function fileProblem(file: File): string | null {
  if (!/\.xlsx$/i.test(file.name)) {
    return /\.(xls|et|csv)$/i.test(file.name)
      ? "请先在 Excel 或 WPS 中将文件另存为 .xlsx 格式后再选择。"
      : "请选择 Excel 文件（.xlsx 格式）。";
  }
  if (file.size === 0) return "文件是空的，请重新选择。";
  if (file.size > MAX_IMPORT_FILE_BYTES) {
    return `文件过大（${(file.size / 1024).toFixed(0)} KB），不能超过 ${MAX_IMPORT_FILE_LABEL}。请分成几个文件导入。`;
  }
  return null;
}

export function ImportPanel({ onBackToBoard }: { onBackToBoard: () => void }) {
  const [phase, setPhase] = useState<Phase>({ step: "choose", error: null });
  const { importProjects } = useImportProjects();
  // Only the answer for the latest file counts (a slow check must not overwrite a newer one).
  const request = useRef(0);
  const inputRef = useRef<HTMLInputElement>(null);
  // A second click on 确认导入 before the first one's answer must not write the rows twice.
  const writing = useRef(false);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    // The same file may be chosen again after it was corrected in Excel.
    event.target.value = "";
    if (!file) return;
    const problem = fileProblem(file);
    if (problem) {
      setPhase({ step: "choose", error: `「${file.name}」无法导入：${problem}` });
      return;
    }
    const id = ++request.current;
    setPhase({ step: "checking", fileName: file.name });
    let fileBase64: string;
    try {
      fileBase64 = await readAsBase64(file);
    } catch {
      if (id === request.current) setPhase({ step: "choose", error: `无法读取「${file.name}」，请重新选择。` });
      return;
    }
    const result = await importProjects(fileBase64, true);
    if (id !== request.current) return;
    if (!result.ok) {
      setPhase({ step: "choose", error: `「${file.name}」未能检查：${result.message}` });
      return;
    }
    setPhase({ step: "checked", fileName: file.name, fileBase64, outcome: result.outcome, writeError: null });
  }

  async function confirm() {
    if (phase.step !== "checked" || writing.current) return;
    const { fileName, fileBase64, outcome } = phase;
    const id = ++request.current;
    writing.current = true;
    setPhase({ step: "writing", fileName, fileBase64, outcome });
    const result = await importProjects(fileBase64, false).finally(() => (writing.current = false));
    if (id !== request.current) return;
    if (result.ok && result.outcome.written) {
      setPhase({ step: "written", fileName, outcome: result.outcome });
    } else if (result.ok) {
      // Checked again inside the write (someone may have taken a code since): nothing was written.
      setPhase({ step: "checked", fileName, fileBase64, outcome: result.outcome, writeError: "未写入任何项目：写入前复核发现下列问题，请修改后重新选择文件。" });
    } else {
      const writeError = result.uncertain
        ? `未能确认导入结果：${result.message} 导入只会全部写入或全部不写，请先在看板上核对，再决定是否重试。`
        : `导入失败，未写入任何项目：${result.message}`;
      setPhase({ step: "checked", fileName, fileBase64, outcome, writeError });
    }
  }

  const busy = phase.step === "checking" || phase.step === "writing";
  const result = phase.step === "checked" || phase.step === "writing" || phase.step === "written" ? phase : null;
  const outcome = result?.outcome ?? null;
  const problemRows = outcome ? outcome.rows.filter((row) => row.problems.length > 0).length : 0;

  return (
    <div className="import-panel">
      <section className="intake-section import-panel__intro" aria-labelledby="import-file-title">
        <h2 className="intake-section__title" id="import-file-title">
          从 Excel 导入项目清单
        </h2>
        <ol className="import-steps">
          <li>
            下载
            <a className="import-steps__template" href={TEMPLATE_URL} download="项目清单模板.xlsx">
              项目清单模板.xlsx
            </a>
            ，按表头逐行填写（各列要求见模板中的「填写说明」）。
          </li>
          <li>选择填好的文件：系统逐行检查，先不写入。</li>
          <li>全部无误后点「确认导入」：所有项目一次写入，进入「储备」阶段；有任何一行出错则一个也不写入。</li>
        </ol>
        <div className="import-panel__choose">
          <label className={busy ? "button button--primary import-file import-file--busy" : "button button--primary import-file"}>
            <input
              ref={inputRef}
              className="visually-hidden"
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={busy}
              onChange={(event) => void choose(event)}
              aria-describedby="import-file-limit"
            />
            {outcome ? "重新选择文件" : "选择 Excel 文件"}
          </label>
          <p className="field__hint" id="import-file-limit">
            仅支持 .xlsx 格式，文件不超过 {MAX_IMPORT_FILE_LABEL}，每次最多 {MAX_IMPORT_ROWS} 行。
          </p>
        </div>
        {phase.step === "choose" && phase.error && (
          <p className="form-message form-message--error" role="alert">
            {phase.error}
          </p>
        )}
        {phase.step === "checking" && (
          <p className="import-panel__status" role="status">
            正在检查「{phase.fileName}」…
          </p>
        )}
      </section>

      {result && outcome && (
        <section className="intake-section" aria-labelledby="import-result-title">
          <div className="import-result__head">
            <h2 className="intake-section__title" id="import-result-title">
              {phase.step === "written" ? "导入完成" : "检查结果"}
              <span className="import-result__file">{result.fileName}</span>
            </h2>
            {phase.step === "written" ? (
              <p className="import-summary import-summary--done" role="status">
                已导入 <strong>{outcome.created}</strong> 个项目，均处于「储备」阶段。
              </p>
            ) : (
              <p className="import-summary" role="status">
                共 {outcome.rows.length} 行：
                {problemRows === 0 ? (
                  <>全部可导入。</>
                ) : (
                  <>
                    {outcome.rows.length - problemRows} 行可导入，<strong className="import-summary__bad">{problemRows} 行有问题</strong>
                    。请在 Excel 中修改后重新选择文件；有问题时不会写入任何项目。
                  </>
                )}
              </p>
            )}
          </div>
          {phase.step === "checked" && phase.writeError && (
            <p className="form-message form-message--error" role="alert">
              {phase.writeError}
            </p>
          )}
          <ImportRowsTable rows={outcome.rows} written={phase.step === "written"} />
          <div className="intake-actions">
            {phase.step === "written" ? (
              <>
                <button className="button button--primary" type="button" onClick={onBackToBoard}>
                  返回看板
                </button>
                <button className="button" type="button" onClick={() => inputRef.current?.click()}>
                  导入另一个文件
                </button>
              </>
            ) : (
              <button
                className="button button--primary"
                type="button"
                disabled={problemRows > 0 || phase.step === "writing"}
                onClick={() => void confirm()}
              >
                {phase.step === "writing" ? "正在导入…" : `确认导入 ${outcome.rows.length} 个项目`}
              </button>
            )}
          </div>
        </section>
      )}
    </div>
  );
}
