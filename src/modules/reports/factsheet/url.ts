// Where a report's factsheet is downloaded. No imports on purpose: the web report's view links
// here, and the factsheet module imports the web report, so this file must not close that circle.

/** `base` is the report's own address: /v/:token/rapport for the municipality, else a staff URL. */
export function factsheetUrl(base: string, edition: number, code: string): string {
  if (base.startsWith('/v/')) return `${base.replace(/\/rapport$/, '')}/factsheet.pdf`;
  return `/beheer/factsheet/${edition}/${code}.pdf`;
}
