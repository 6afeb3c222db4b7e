// The CBS boundaries (data/geo/gemeenten-provincies-YYYY.topojson, WGS84) as SVG path data,
// decoded once per year. A small TopoJSON reader instead of topojson-client + d3-geo: the
// Netherlands is small enough for an equirectangular projection scaled by cos(latitude).
// Swap for src/web/charts when that lands (same input: a year; same output: paths per code).
import fs from 'node:fs';
import path from 'node:path';

type Geometry = { type: 'Polygon' | 'MultiPolygon'; arcs: number[][] | number[][][]; id?: string; properties?: { code?: string } };
type Topology = {
  arcs: [number, number][][];
  transform?: { scale: [number, number]; translate: [number, number] };
  objects: Record<string, { geometries: Geometry[] }>;
};

export type MapShapes = { width: number; height: number; municipalities: Map<string, string>; provinces: string[] };

export const MAP_WIDTH = 400;
const cache = new Map<number, MapShapes | null>();

export function mapShapes(year: number, dir = path.resolve('data/geo')): MapShapes | undefined {
  if (!cache.has(year)) {
    const file = path.join(dir, `gemeenten-provincies-${year}.topojson`);
    cache.set(year, fs.existsSync(file) ? build(JSON.parse(fs.readFileSync(file, 'utf8')) as Topology) : null);
  }
  return cache.get(year) ?? undefined;
}

function build(topo: Topology): MapShapes {
  const [sx, sy] = topo.transform?.scale ?? [1, 1];
  const [tx, ty] = topo.transform?.translate ?? [0, 0];
  // Quantised, delta-encoded arcs → longitude/latitude.
  const lonLat = topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty] as [number, number]; });
  });
  let [minLon, maxLon, minLat, maxLat] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const arc of lonLat) {
    for (const [lon, lat] of arc) {
      minLon = Math.min(minLon, lon); maxLon = Math.max(maxLon, lon);
      minLat = Math.min(minLat, lat); maxLat = Math.max(maxLat, lat);
    }
  }
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const scale = MAP_WIDTH / ((maxLon - minLon) * k);
  const height = Math.round((maxLat - minLat) * scale);
  // Project each arc once (in tenths of a pixel) and thin it to points at least a pixel apart;
  // shared borders stay shared because neighbours use the same thinned arc.
  const arcs = lonLat.map((arc) => {
    const out: [number, number][] = [];
    arc.forEach(([lon, lat], i) => {
      const p: [number, number] = [Math.round((lon - minLon) * k * scale * 10), Math.round((maxLat - lat) * scale * 10)];
      const last = out[out.length - 1];
      if (i === 0 || i === arc.length - 1 || !last || Math.hypot(p[0] - last[0], p[1] - last[1]) >= 10) out.push(p);
    });
    return out;
  });
  // Relative moves with one decimal keep the page small: "l1.2-.5" instead of "L123.4,56.7".
  const num = (tenths: number) => (tenths / 10).toString().replace(/^(-?)0\./, '$1.');
  const ring = (ids: number[]) => {
    const pts: [number, number][] = [];
    for (const id of ids) {
      const a = id < 0 ? [...arcs[~id]].reverse() : arcs[id];
      pts.push(...(pts.length ? a.slice(1) : a));
    }
    let d = `M${num(pts[0][0])},${num(pts[0][1])}l`;
    for (let i = 1; i < pts.length; i++) {
      const [dx, dy] = [pts[i][0] - pts[i - 1][0], pts[i][1] - pts[i - 1][1]];
      d += `${i > 1 && dx >= 0 ? ' ' : ''}${num(dx)}${dy >= 0 ? ',' : ''}${num(dy)}`;
    }
    return `${d}z`;
  };
  const pathOf = (g: Geometry) => {
    const polygons = (g.type === 'Polygon' ? [g.arcs] : g.arcs) as number[][][];
    return polygons.map((rings) => rings.map(ring).join('')).join('');
  };
  const municipalities = new Map<string, string>();
  for (const g of topo.objects.gemeenten?.geometries ?? []) {
    const code = g.properties?.code ?? g.id;
    if (code && g.arcs) municipalities.set(code, pathOf(g));
  }
  const provinces = (topo.objects.provincies?.geometries ?? []).filter((g) => g.arcs).map(pathOf);
  return { width: MAP_WIDTH, height, municipalities, provinces };
}
