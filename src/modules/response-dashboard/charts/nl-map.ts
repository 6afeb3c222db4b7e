// The map of figure 4: every municipality of the edition's register, coloured by whether it
// responded, was invited, or neither; province borders on top. An SVG string (role img,
// title and description); the page puts the numbers in a table beside it.
import { mapShapes } from './topology.ts';
import { COLOURS, esc } from './svg.ts';

export type MapState = 'responded' | 'invited' | 'other' | 'outside';

export type MapOptions = {
  id: string;
  year: number;
  title: string;
  description: string;
  stateOf: (code: string) => MapState;
  legend: Record<Exclude<MapState, 'other'> | 'other', string>;
  /** Which states get a legend entry (an advisor's map has "outside the region"). */
  legendStates: MapState[];
};

export function municipalityMapSvg(o: MapOptions): string | undefined {
  const shapes = mapShapes(o.year);
  if (!shapes) return undefined;
  const legendHeight = o.legendStates.length * 22 + 10;
  const height = shapes.height + legendHeight;
  const parts: string[] = [];
  for (const [code, d] of shapes.municipalities) {
    const state = o.stateOf(code);
    parts.push(`<path d="${d}" fill="${COLOURS[state]}"/>`);
  }
  const provinces = shapes.provinces.map((d) => `<path d="${d}"/>`).join('');
  const legend = o.legendStates.map((s, i) => {
    const y = shapes.height + 10 + i * 22;
    return `<rect x="4" y="${y}" width="16" height="16" fill="${COLOURS[s]}" stroke="${COLOURS.line}"/>` +
      `<text x="28" y="${y + 13}" font-size="14" fill="${COLOURS.text}">${esc(o.legend[s])}</text>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${o.id}-title ${o.id}-desc" ` +
    `viewBox="0 0 ${shapes.width} ${height}" width="${shapes.width}" height="${height}" class="chart chart--map" font-family="sans-serif">` +
    `<title id="${o.id}-title">${esc(o.title)}</title><desc id="${o.id}-desc">${esc(o.description)}</desc>` +
    `<g stroke="${COLOURS.line}" stroke-width="0.3" stroke-linejoin="round">${parts.join('')}</g>` +
    `<g fill="none" stroke="#000000" stroke-width="0.8" stroke-linejoin="round">${provinces}</g>` +
    `<g>${legend}</g></svg>`;
}
