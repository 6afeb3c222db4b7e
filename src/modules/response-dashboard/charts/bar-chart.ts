// Horizontal bars with a label before and the value after each bar (figure 5 of the report:
// response per province). An SVG string with role img, title and description; the page shows
// the same numbers in a table. Swap for src/web/charts when that lands.
import { COLOURS, esc } from './svg.ts';

export type Bar = { label: string; value: number | null; text: string; muted?: boolean };
export type BarChartOptions = { id: string; title: string; description: string; bars: Bar[]; max?: number; labelWidth?: number };

const ROW = 26;
const BAR_AREA = 260;
const VALUE_WIDTH = 110;

export function barChartSvg(o: BarChartOptions): string {
  const labelWidth = o.labelWidth ?? 150;
  const max = o.max ?? Math.max(1, ...o.bars.map((b) => b.value ?? 0));
  const width = labelWidth + BAR_AREA + VALUE_WIDTH;
  const height = o.bars.length * ROW + 8;
  const rows = o.bars.map((b, i) => {
    const y = 4 + i * ROW;
    const w = b.value === null ? 0 : Math.round((BAR_AREA * Math.min(b.value, max)) / max * 10) / 10;
    const fill = b.muted ? COLOURS.invited : COLOURS.responded;
    return `<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end">${esc(b.label)}</text>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${ROW - 8}" fill="${fill}"/>` +
      `<text x="${labelWidth + w + 6}" y="${y + 17}">${esc(b.text)}</text>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${o.id}-title ${o.id}-desc" ` +
    `viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" class="chart chart--bars" font-family="sans-serif" font-size="14" fill="${COLOURS.text}">` +
    `<title id="${o.id}-title">${esc(o.title)}</title><desc id="${o.id}-desc">${esc(o.description)}</desc>` +
    `<line x1="${labelWidth}" y1="0" x2="${labelWidth}" y2="${height}" stroke="${COLOURS.line}"/>${rows}</svg>`;
}
