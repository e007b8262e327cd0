// The meeting brief (调度会议简报) as a Word document: the agenda by unit, then the decisions.
import type { DispatchMeeting, MeetingTask, Unit } from "@prisma/client";
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import type { Agenda } from "./service.js";
import { AGENDA_KIND_NAMES } from "./labels.js";

const FONT = "Microsoft YaHei";

function cell(text: string, bold = false): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, font: FONT, size: 20 })] })] });
}

function table(header: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  });
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph {
  return new Paragraph({ heading: level, children: [new TextRun({ text, font: FONT })] });
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** A decision as the brief's tables show it (Word and Excel). */
export const TASK_HEADERS = ["责任单位", "议定事项", "完成时限", "状态", "办结情况"];
export function taskCells(t: MeetingTask & { unit: Unit }): string[] {
  return [t.unit.name, t.decision, day(t.deadline), t.status === "DONE" ? "已办结" : "办理中", t.closeNote ?? ""];
}

export async function meetingDocx(meeting: DispatchMeeting & { tasks: (MeetingTask & { unit: Unit })[] }): Promise<Buffer> {
  const agenda = meeting.agenda as unknown as Agenda;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: meeting.title, font: FONT })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: `会议日期：${day(meeting.date)}　堵点截至：${new Date(agenda.asOf).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false })}`, font: FONT, size: 20 })],
    }),
    heading("一、会议议题（按责任单位）", HeadingLevel.HEADING_1),
  ];
  if (agenda.units.length === 0) children.push(new Paragraph({ children: [new TextRun({ text: "截至会议日期，没有滞留、逾期或堵点项目。", font: FONT })] }));
  for (const unit of agenda.units) {
    children.push(heading(`${unit.unitName}（${unit.items.length} 项）`, HeadingLevel.HEADING_2));
    children.push(table(["项目编号", "项目名称", "类别", "情况"], unit.items.map((i) => [i.code, i.name, AGENDA_KIND_NAMES[i.kind], i.detail])));
  }
  children.push(heading("二、议定事项", HeadingLevel.HEADING_1));
  if (meeting.tasks.length === 0) children.push(new Paragraph({ children: [new TextRun({ text: "暂无议定事项。", font: FONT })] }));
  else {
    children.push(
      table(TASK_HEADERS, meeting.tasks.map(taskCells)),
    );
  }
  const doc = new Document({ creator: "推进", title: meeting.title, sections: [{ children }] });
  return Packer.toBuffer(doc);
}
