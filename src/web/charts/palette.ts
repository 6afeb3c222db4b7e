// Colours of the charts and the map. Every fill a reader has to see against the white page has a
// contrast of at least 3:1 (WCAG 1.4.11), and fills that carry white text at least 4.5:1, so the
// bars stay readable in print and for people with low vision. `contrast` lets the tests check it.

/**
 * One colour per edition year, the same on every chart (issue 20): a year's bars look alike in the
 * 2022 and the 2023 report, on the web, in the PDF and on the staff dashboard. Eight Rijkshuisstijl
 * colours, by year modulo 8, so eight editions side by side never share one; 2019–2023 keep the
 * colours the reports always had (2023 the Rijksoverheid blue). Decision 022.
 */
export const YEAR_COLOURS = ['#673327', '#42145f', '#006b5e', '#94710a', '#39870c', '#007bc7', '#a90061', '#154273'] as const;

/** The editions' colours (every one at least 3:1 on white). */
export const EDITION_COLOURS = YEAR_COLOURS;

/** The colour of an edition year: 2019 dark yellow, 2020 green, 2021 sky blue, 2022 ruby, 2023 dark blue, 2024 mahogany … */
export function yearColour(year: number): string {
  const n = YEAR_COLOURS.length;
  return YEAR_COLOURS[((year % n) + n) % n];
}

/** Matrix scales, in option order (e.g. ingezet, bekend, onbekend); grey for the last resort. */
export const SCALE_COLOURS = ['#154273', '#007bc7', '#94710a', '#767676', '#a90061', '#39870c'] as const;

export const INK = '#1a1a1a';
export const MUTED = '#4a4a4a';
export const GRID = '#d0d0d0';
/** Fill of the hollow (panel) bars: their outline carries the contrast. */
export const HOLLOW_FILL = '#ffffff';

export const MAP_COLOURS = {
  responded: '#154273',
  other: '#e6eef5',
  municipalityBorder: '#ffffff',
  provinceBorder: '#4a4a4a',
} as const;

/** Colour of the i-th of `count` series that are not years (e.g. "eenzaam" and "ernstig eenzaam"), the last one the Rijksoverheid blue. */
export function editionColour(index: number, count: number): string {
  const n = YEAR_COLOURS.length;
  const offset = Math.max(0, n - count);
  return YEAR_COLOURS[(offset + index) % n];
}

/** A bar's colour: its edition year's when it has one, else its place in the series. */
export function rowColour(row: { series: number; year?: number }, count: number): string {
  return row.year !== undefined ? yearColour(row.year) : editionColour(row.series, count);
}

export function scaleColour(index: number): string {
  return SCALE_COLOURS[index % SCALE_COLOURS.length];
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
