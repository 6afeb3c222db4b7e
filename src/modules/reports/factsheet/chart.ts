// The factsheet's overview chart, "In één oogopslag": per action line and pillar the municipality's
// own level (a Harvey ball and the level in words) and a 100% bar of how all municipalities are
// spread over the three levels, the municipality's own part outlined. Segments keep one order
// (stevig, in ontwikkeling, nog niet) and carry their percentage, so colour is never the only cue.
// Plain SVG strings rather than Observable Plot: it is drawn for every factsheet, and string
// building costs microseconds where Plot on a DOM shim costs milliseconds.
import { escapeXml, FONT_FAMILY, withAccessibleName } from '../../../web/charts/svg.ts';
import type { Level } from './status.ts';

export const BLUE = '#154273';
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

const W = 720;
const ROW = 31;
const TOP = 30;
const BAR_X = 352;
const BAR_W = W - BAR_X - 4;

/** A Harvey ball: full (in place), half (partly), empty (not yet); a dash for no answer. */
export function harvey(level: Level, cx: number, cy: number, r: number): string {
  if (level === 'onbekend') return `<line x1="${cx - r}" y1="${cy}" x2="${cx + r}" y2="${cy}" stroke="${MUTED}" stroke-width="2"/>`;
  const ring = `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${level === 'sterk' ? BLUE : '#ffffff'}" stroke="${BLUE}" stroke-width="1.6"/>`;
  const half = level === 'opweg' ? `<path d="M${cx},${cy - r} A${r},${r} 0 0 0 ${cx},${cy + r} Z" fill="${BLUE}"/>` : '';
  return ring + half;
}

function row(r: OverviewRow, i: number): string {
  const y = TOP + i * ROW;
  const mid = y + ROW / 2;
  const parts = [
    i % 2 === 0 ? `<rect x="0" y="${y}" width="${W}" height="${ROW}" fill="#f3f6f9"/>` : '',
    `<text x="8" y="${mid - 4}" font-size="10.5" fill="${MUTED}">${escapeXml(r.kicker)}</text>`,
    `<text x="8" y="${mid + 11}" font-size="13.5" font-weight="bold" fill="${INK}">${escapeXml(r.label)}</text>`,
    harvey(r.level, 206, mid, 7.5),
    `<text x="220" y="${mid + 4.5}" font-size="12.5" fill="${INK}">${escapeXml(r.levelText)}</text>`,
  ];
  if (!r.shares) {
    parts.push(`<text x="${BAR_X}" y="${mid + 4}" font-size="12" font-style="italic" fill="${MUTED}">${escapeXml(r.hiddenText)}</text>`);
    return parts.join('');
  }
  const h = 20;
  let x = BAR_X;
  let outline = '';
  for (const level of ORDER) {
    const w = (BAR_W * r.shares[level]) / 100;
    if (w <= 0) continue;
    const { fill, text } = LEVEL_FILL[level];
    parts.push(`<rect x="${x.toFixed(1)}" y="${mid - h / 2}" width="${w.toFixed(1)}" height="${h}" fill="${fill}" stroke="#ffffff" stroke-width="1"/>`);
    if (w >= 34) parts.push(`<text x="${(x + w / 2).toFixed(1)}" y="${mid + 4.5}" text-anchor="middle" font-size="12" font-weight="bold" fill="${text}">${escapeXml(r.sharesText[level])}</text>`);
    // The municipality's own level: a thick outline around its part of the bar.
    if (level === r.level) {
      const cx = x + w / 2;
      outline = `<rect x="${(x + 1).toFixed(1)}" y="${mid - h / 2 - 2}" width="${Math.max(2, w - 2).toFixed(1)}" height="${h + 4}" fill="none" stroke="${INK}" stroke-width="2"/>` +
        `<path d="M${(cx - 5).toFixed(1)},${mid - h / 2 - 7} L${(cx + 5).toFixed(1)},${mid - h / 2 - 7} L${cx.toFixed(1)},${mid - h / 2 - 2} Z" fill="${INK}"/>`;
    }
    x += w;
  }
  parts.push(outline);
  return parts.join('');
}

export type OverviewSpec = { id: string; title: string; description: string; ownHeader: string; allHeader: string; rows: OverviewRow[] };

export function overviewChart(spec: OverviewSpec): string {
  const height = TOP + spec.rows.length * ROW + 4;
  const head =
    `<text x="198" y="16" font-size="11" font-weight="bold" fill="${MUTED}">${escapeXml(spec.ownHeader)}</text>` +
    `<text x="${BAR_X}" y="16" font-size="11" font-weight="bold" fill="${MUTED}">${escapeXml(spec.allHeader)}</text>`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" font-family="${FONT_FAMILY}" fill="${INK}">` +
    head + spec.rows.map((r, i) => row(r, i)).join('') + '</svg>';
  return withAccessibleName(svg, spec);
}
