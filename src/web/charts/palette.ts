// Colours of the charts and the map. Every fill a reader has to see against the white page has a
// contrast of at least 3:1 (WCAG 1.4.11), and fills that carry white text at least 4.5:1, so the
// bars stay readable in print and for people with low vision. `contrast` lets the tests check it.

/** Oldest → newest; the newest edition gets the Rijksoverheid blue. */
export const EDITION_COLOURS = ['#94710a', '#39870c', '#007bc7', '#a90061', '#154273'] as const;

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

/** Colour of the i-th of `count` editions (oldest first), newest always the same blue. */
export function editionColour(index: number, count: number): string {
  const n = EDITION_COLOURS.length;
  const offset = Math.max(0, n - count);
  return EDITION_COLOURS[(offset + index) % n];
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
