// Tables as XLSX workbooks (Excel and WPS): one sheet per table, a bold frozen header row.
import ExcelJS from "exceljs";

export interface Sheet {
  name: string;
  headers: string[];
  /** Column widths in characters; 14 where not given. */
  widths: number[];
  rows: (string | number | null)[][];
}

export async function workbook(sheets: Sheet[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "推进";
  for (const spec of sheets) {
    const sheet = book.addWorksheet(spec.name);
    sheet.addRow(spec.headers).font = { bold: true };
    for (const row of spec.rows) sheet.addRow(row);
    sheet.columns.forEach((column, i) => (column.width = spec.widths[i] ?? 14));
    sheet.views = [{ state: "frozen", ySplit: 1 }];
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
