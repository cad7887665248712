/**
 * Text a spreadsheet would run as a formula when it opens a CSV (`=`, `+`, `-`, `@`, tab or CR first) gets a `'` in
 * front, which spreadsheets show as text (CSV injection). Numbers are never passed here: they stay numbers.
 */
export function defuseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
