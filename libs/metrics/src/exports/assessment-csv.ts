import { writeToString } from '@fast-csv/format';
import { EXPORT_HEADERS, exportCells, type ExportLevel, type ExportLine } from './export-tables';

/** The export as CSV: one table, Chinese headers, a UTF-8 BOM so Excel reads the Chinese right. */
export async function assessmentCsv(levels: Map<ExportLevel, ExportLine[]>): Promise<string> {
  const rows = [...levels.values()].flat().map((line) => exportCells(line).map((cell) => (cell === null ? '' : String(cell))));
  return writeToString([[...EXPORT_HEADERS], ...rows], { writeBOM: true, rowDelimiter: '\r\n', includeEndRowDelimiter: true });
}
