// The factsheet's overview chart, "In één oogopslag": per action line and pillar the municipality's
// own level (a Harvey ball and the level in words) and a 100% bar of how all municipalities are
// spread over the three levels, the municipality's own part outlined. Segments keep one order
// (stevig, in ontwikkeling, nog niet) and carry their percentage, so colour is never the only cue.
// Two layers on one 720-unit-wide grid: the shapes as a plain SVG (string building costs
// microseconds), and the words as a list the template sets with Typst's own text over it. Typst
// turns SVG text into outlines, which cost a fifth of a factsheet's compile (decision 018).
import type { ChartText, SvgPicture } from '../../../web/charts/index.ts';
import type { Level } from './status.ts';

const BLUE = '#154273';
const INK = '#1a1a1a';
const MUTED = '#4a4a4a';
/** White text on the first two has at least 4.5:1; the light one carries ink. */
export const LEVEL_FILL: Record<Exclude<Level, 'onbekend'>, { fill: string; text: string }> = {
  sterk: { fill: BLUE, text: '#ffffff' },
  opweg: { fill: '#007bc7', text: '#ffffff' },
  begin: { fill: '#cfe3f3', text: INK },
};
const ORDER = ['sterk', 'opweg', 'begin'] as const;

export type OverviewRow = {
  kicker: string;
  label: string;
  level: Level;
  levelText: string;
  /** Percent per level, or null when too few municipalities answered to show it. */
  shares: Record<(typeof ORDER)[number], number> | null;
  sharesText: Record<(typeof ORDER)[number], string>;
  hiddenText: string;
};

const WIDTH = 720;
const ROW = 31;
const TOP = 30;
const BAR_X = 352;
const BAR_W = WIDTH - BAR_X - 4;

/** A Harvey ball: full (in place), half (partly), empty (not yet); a dash for no answer. */
function harvey(level: Level, cx: number, cy: number, r: number): string {
  if (level === 'onbekend') return `<line x1="${cx - r}" y1="${cy}" x2="${cx + r}" y2="${cy}" stroke="${MUTED}" stroke-width="2"/>`;
  const ring = `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${level === 'sterk' ? BLUE : '#ffffff'}" stroke="${BLUE}" stroke-width="1.6"/>`;
  const half = level === 'opweg' ? `<path d="M${cx},${cy - r} A${r},${r} 0 0 0 ${cx},${cy + r} Z" fill="${BLUE}"/>` : '';
  return ring + half;
}

function row(r: OverviewRow, i: number, shapes: string[], texts: ChartText[]) {
  const y = TOP + i * ROW;
  const mid = y + ROW / 2;
  if (i % 2 === 0) shapes.push(`<rect x="0" y="${y}" width="${WIDTH}" height="${ROW}" fill="#f3f6f9"/>`);
  shapes.push(harvey(r.level, 206, mid, 7.5));
  texts.push(
    { x: 8, y: mid - 4, size: 10.5, text: r.kicker, fill: MUTED },
    { x: 8, y: mid + 11, size: 13.5, text: r.label, fill: INK, bold: true },
    { x: 220, y: mid + 4.5, size: 12.5, text: r.levelText, fill: INK },
  );
  if (!r.shares) {
    texts.push({ x: BAR_X, y: mid + 4, size: 12, text: r.hiddenText, fill: MUTED, italic: true });
    return;
  }
  const h = 20;
  let x = BAR_X;
  let outline = '';
  for (const level of ORDER) {
    const w = (BAR_W * r.shares[level]) / 100;
    if (w <= 0) continue;
    const { fill, text } = LEVEL_FILL[level];
    shapes.push(`<rect x="${x.toFixed(1)}" y="${mid - h / 2}" width="${w.toFixed(1)}" height="${h}" fill="${fill}" stroke="#ffffff" stroke-width="1"/>`);
    if (w >= 34) texts.push({ x: Number(x.toFixed(1)), w: Number(w.toFixed(1)), y: mid + 4.5, size: 12, text: r.sharesText[level], fill: text, bold: true });
    // The municipality's own level: a thick outline around its part of the bar.
    if (level === r.level) {
      const cx = x + w / 2;
      outline = `<rect x="${(x + 1).toFixed(1)}" y="${mid - h / 2 - 2}" width="${Math.max(2, w - 2).toFixed(1)}" height="${h + 4}" fill="none" stroke="${INK}" stroke-width="2"/>` +
        `<path d="M${(cx - 5).toFixed(1)},${mid - h / 2 - 7} L${(cx + 5).toFixed(1)},${mid - h / 2 - 7} L${cx.toFixed(1)},${mid - h / 2 - 2} Z" fill="${INK}"/>`;
    }
    x += w;
  }
  shapes.push(outline);
}

export function overviewChart(spec: { ownHeader: string; allHeader: string; rows: OverviewRow[] }): SvgPicture {
  const height = TOP + spec.rows.length * ROW + 4;
  const shapes: string[] = [];
  const texts: ChartText[] = [
    { x: 198, y: 16, size: 11, text: spec.ownHeader, fill: MUTED, bold: true },
    { x: BAR_X, y: 16, size: 11, text: spec.allHeader, fill: MUTED, bold: true },
  ];
  for (const [i, r] of spec.rows.entries()) row(r, i, shapes, texts);
  // No text in here, so no fonts: the template names the picture (its alt text) and sets the words.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">${shapes.join('')}</svg>`;
  return { width: WIDTH, height, svg, texts };
}
