import ExcelJS from 'exceljs';
import type { ReportDates } from '../indicators/report-dates';
import { EXPORT_HEADERS, exportCells, type ExportLevel, type ExportLine } from './export-tables';

/** The export as an Excel workbook: one sheet per scope level (全市, 区县, 部门) and a sheet of notes (说明). */
export async function assessmentXlsx(
  levels: Map<ExportLevel, ExportLine[]>,
  dates: ReportDates,
  notes: readonly string[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'gov-service-backend';
  for (const [level, lines] of levels) {
    const sheet = workbook.addWorksheet(level, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = EXPORT_HEADERS.map((header, index) => ({ header, key: `c${index}`, width: index === 4 ? 26 : index === 2 ? 22 : 14 }));
    sheet.getRow(1).font = { bold: true };
    for (const line of lines) sheet.addRow(exportCells(line));
    sheet.getColumn(9).numFmt = '0.00';
  }
  const about = workbook.addWorksheet('说明');
  about.addRows([
    ['统计日期 asOf', dates.asOf],
    ['受理期间 from', dates.period.from],
    ['受理期间 to', dates.period.to],
    ...notes.map((note) => ['说明', note]),
  ]);
  about.getColumn(1).width = 16;
  about.getColumn(2).width = 120;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
