/**
 * One CSV field as Moodle's own example file writes it: in double quotes (inner quotes doubled) when
 * it holds a space, comma, quote or line break; bare otherwise.
 */
export function formatCsvField(value: string): string {
  return /[\s,"]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function formatCsvRow(fields: string[]): string {
  return fields.map(formatCsvField).join(",");
}
