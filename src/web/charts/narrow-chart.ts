// The narrow variant of a question chart (issue 18.4), for screens up to ~40em: the same groups
// and rows as the wide chart, but every label on its own line above its bar, bars over the full
// width and 13 px text, so at 320 px the text is as large as on a wide screen rather than shrunk
// to ~5 px. The page shows one variant or the other with a media query (results.css): the hidden
// one (display: none) is out of the accessibility tree, so each carries the figure's name; the
// table beside it has every number. Plain SVG strings: there is no axis to scale.
import type { BarGroup } from './bar-chart.ts';
import { GRID, HOLLOW_FILL, INK, MUTED, rowColour, scaleColour } from './palette.ts';
import type { StackedGroup } from './stacked-chart.ts';
import { patternDefs } from './stacked-chart.ts';
import { escapeXml, FONT_FAMILY, wrapText } from './svg.ts';

/** Drawn at this width in px; fits a 320 px screen with the page's side margins. */
export const NARROW_WIDTH = 280;
const FONT = 13;
const TEXT_LINE = 18;
const BAR = 14;
const GAP = 6;
/** Characters on a heading line: 13 px bold averages ~7.5 px a character, but a line of wide letters
 * ("samenwerking") reaches ~8.3, and a heading must never be cut off at the right. */
const CHARS = Math.floor(NARROW_WIDTH / 8.4);

type Out = { parts: string[]; y: number };

const text = (o: Out, s: string, attrs = '') => {
  o.y += TEXT_LINE;
  o.parts.push(`<text x="0" y="${o.y - 4}"${attrs}>${escapeXml(s)}</text>`);
};

function svg(id: string, title: string, o: Out, defs = ''): string {
  const height = o.y + 4;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart-narrow-svg" id="${id}" role="img" aria-label="${escapeXml(title)}" viewBox="0 0 ${NARROW_WIDTH} ${height}" width="${NARROW_WIDTH}" height="${height}" font-family="${escapeXml(FONT_FAMILY)}" font-size="${FONT}" fill="${INK}">${defs}${o.parts.join('')}</svg>`;
}

/** 0 %, 50 % and 100 % as light lines behind the bars: fewer ticks than the wide chart. */
function gridLines(o: Out, from: number): void {
  for (const p of [0, 50, 100]) {
    const x = (p / 100) * (NARROW_WIDTH - 1) + 0.5;
    o.parts.unshift(`<line x1="${x}" x2="${x}" y1="${from}" y2="${o.y}" stroke="${GRID}"/>`);
  }
}

export function narrowBarChart(id: string, title: string, groups: BarGroup[], seriesCount: number): string {
  const o: Out = { parts: [], y: 0 };
  for (const g of groups) {
    o.y += GAP;
    for (const line of wrapText(g.label, CHARS)) text(o, line, ' font-weight="bold"');
    for (const row of g.rows) {
      // The figure goes with the label, above the bar: a short bar leaves no room for it.
      text(o, row.value === null ? `${row.label}: ${row.note ?? ''}` : `${row.label}: ${row.valueLabel ?? ''}`, row.value === null ? ` fill="${MUTED}" font-style="italic"` : '');
      if (row.value !== null) {
        const colour = rowColour(row, seriesCount);
        const w = Math.max(1, (row.value / 100) * (NARROW_WIDTH - 2));
        o.parts.push(`<rect x="1" y="${o.y + 1}" width="${w.toFixed(1)}" height="${BAR - 2}" fill="${row.hollow ? HOLLOW_FILL : colour}" stroke="${colour}" stroke-width="${row.hollow ? 2 : 0}"/>`);
        o.y += BAR;
      }
    }
  }
  gridLines(o, 0);
  return svg(id, title, o);
}

export function narrowStackedChart(id: string, title: string, groups: StackedGroup[], options: string[]): string {
  const o: Out = { parts: [], y: 0 };
  const fill = (i: number) => (i === 0 ? scaleColour(0) : `url(#${id}-o${i})`);
  // The legend: one option a line, in the order of the segments.
  for (const [i, label] of options.entries()) {
    o.parts.push(`<rect x="0" y="${o.y + 4}" width="14" height="12" fill="${fill(i)}"/>`);
    o.y += TEXT_LINE;
    o.parts.push(`<text x="20" y="${o.y - 4}">${escapeXml(label)}</text>`);
  }
  for (const g of groups) {
    o.y += GAP;
    for (const line of wrapText(g.label, CHARS)) text(o, line, ' font-weight="bold"');
    for (const row of g.rows) {
      text(o, row.values ? row.label : `${row.label}: ${row.note ?? ''}`, row.values ? '' : ` fill="${MUTED}" font-style="italic"`);
      if (!row.values) continue;
      let x = 0;
      row.values.forEach((v, i) => {
        if (v <= 0) return;
        const x1 = (x / 100) * NARROW_WIDTH;
        const w = (Math.min(100, x + v) / 100) * NARROW_WIDTH - x1;
        o.parts.push(`<rect x="${x1.toFixed(1)}" y="${o.y + 1}" width="${w.toFixed(1)}" height="${BAR + 4}" fill="${fill(i)}" stroke="#ffffff"/>`);
        // The figure only where it fits at 13 px; the table has every figure.
        const label = row.valueLabels?.[i] ?? '';
        if (label && w >= label.length * 7.4 + 6) {
          o.parts.push(`<text x="${(x1 + w / 2).toFixed(1)}" y="${o.y + BAR}" text-anchor="middle" font-weight="bold" fill="#ffffff" stroke="${scaleColour(i)}" stroke-width="3" paint-order="stroke">${escapeXml(label)}</text>`);
        }
        x += v;
      });
      o.y += BAR + 6;
    }
  }
  return svg(id, title, o, patternDefs(id, options.length));
}
