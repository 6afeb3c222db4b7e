// SPSS: a wide CSV with numeric codes and a syntax file (.sps) that reads it with GET DATA and
// sets variable and value labels. Options become 1..k in questionnaire order; multi options 0/1.
import { neutraliseFormula, writeCsv } from './long-csv.ts';
import { BASE_COLUMNS, type ExportData, wideColumns } from './wide.ts';

/** SPSS keywords that cannot be variable names. */
const RESERVED = new Set(['ALL', 'AND', 'BY', 'EQ', 'GE', 'GT', 'LE', 'LT', 'NE', 'NOT', 'OR', 'TO', 'WITH']);
const MAX_NAME = 64;

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** `s`, or its longest prefix that fits in `max` UTF-8 bytes with "…" (never cuts a character in two). */
function fitBytes(s: string, max: number): string {
  if (bytes(s) <= max) return s;
  let out = '';
  for (const ch of s) {
    if (bytes(out + ch) > max - bytes('…')) break;
    out += ch;
  }
  return `${out}…`;
}

/**
 * Valid, unique SPSS names: letters, digits and _ only (a "." is allowed by SPSS but trips up
 * other tools), starting with a letter, at most 64 bytes, not a keyword, unique ignoring case.
 */
export function spssNames(keys: readonly string[]): string[] {
  const used = new Set<string>();
  return keys.map((key) => {
    let base = key.replace(/[^A-Za-z0-9_]/g, '_').replace(/_+$/, '');
    if (!/^[A-Za-z]/.test(base)) base = `v_${base}`;
    if (RESERVED.has(base.toUpperCase())) base = `${base}_v`;
    let name = base.slice(0, MAX_NAME);
    for (let i = 2; used.has(name.toUpperCase()); i++) name = `${base.slice(0, MAX_NAME - String(i).length - 1)}_${i}`;
    used.add(name.toUpperCase());
    return name;
  });
}

/** An SPSS string literal, split with "+" over lines of at most ~100 characters. */
function literal(s: string): string {
  const parts = s.match(/.{1,100}/gsu) ?? [''];
  return parts.map((p) => `'${p.replaceAll("'", "''")}'`).join(' +\n    ');
}

export type SpssFiles = { sps: string; csv: string };

/** `csvName` is how the syntax names the data file (just the file name: it sits beside the .sps). */
export function exportSps(data: ExportData, csvName: string): SpssFiles {
  const cols = wideColumns(data.questionnaire);
  const names = spssNames([...BASE_COLUMNS, ...cols.map((c) => c.key)]);
  const colName = (i: number) => names[BASE_COLUMNS.length + i];
  // GET DATA /DELCASE=LINE reads one case per line: line breaks inside texts become spaces. A text
  // that would run as a formula gets its apostrophe here already, so the widths below count it.
  const flat = (v: string | number | null) => (typeof v === 'string' ? neutraliseFormula(v.replace(/\s*[\r\n]+\s*/g, ' ')) : v);
  const rows = data.responses.map((r) => [
    data.edition, r.municipality, flat(r.name), r.province,
    ...cols.map((c) => {
      const v = c.value(r.answers);
      if (c.kind !== 'code' || v === null) return flat(v);
      const i = (c.codes ?? []).findIndex((o) => o.code === v);
      return i < 0 ? null : i + 1;
    }),
  ]);
  const width = (i: number) => Math.max(1, ...rows.map((row) => (typeof row[i] === 'string' ? bytes(row[i] as string) : 0)));
  const formats = [
    'F4.0', 'A6', `A${width(2)}`, 'A4',
    ...cols.map((c, i) => (c.kind === 'text' ? `A${width(BASE_COLUMNS.length + i)}` : c.kind === 'flag' ? 'F1.0' : `F${String(c.codes?.length ?? 1).length}.0`)),
  ];
  const labels = ['Editie', 'Gemeentecode (CBS)', 'Gemeente', 'Provinciecode (CBS)', ...cols.map((c) => c.label)];

  const sps: string[] = [
    `* Benchmark Eén tegen eenzaamheid, editie ${data.edition}: antwoorden per gemeente (${data.responses.length}).`,
    `* Leest ${csvName} (UTF-8). Staat dat bestand niet in de werkmap van SPSS, zet dan het volledige pad bij /FILE.`,
    '* Antwoordopties zijn genummerd 1..k in de volgorde van de vragenlijst (zie VALUE LABELS); 0/1 = optie niet/wel gekozen.',
    '* Een lege cel betekent: vraag niet beantwoord of niet gesteld.',
    'GET DATA',
    '  /TYPE=TXT',
    `  /FILE=${literal(csvName)}`,
    "  /ENCODING='UTF8'",
    '  /DELCASE=LINE',
    '  /DELIMITERS=","',
    `  /QUALIFIER='"'`,
    '  /ARRANGEMENT=DELIMITED',
    '  /FIRSTCASE=2',
    '  /VARIABLES=',
    ...names.map((n, i) => `    ${n} ${formats[i]}`),
    '.',
    `DATASET NAME benchmark_${data.edition} WINDOW=FRONT.`,
    'VARIABLE LABELS',
    ...names.map((n, i) => `  ${i ? '/' : ''}${n} ${literal(fitBytes(labels[i], 255))}`),
    '.',
  ];
  const valueLabels: string[] = [];
  cols.forEach((c, i) => {
    const pairs = c.kind === 'flag'
      ? [[0, 'niet gekozen'], [1, 'gekozen']] as const
      : (c.codes ?? []).map((o, k) => [k + 1, `${o.label.nl} [${o.code}]`] as const);
    if (!pairs.length) return;
    valueLabels.push(`  ${valueLabels.length ? '/' : ''}${colName(i)}`, ...pairs.map(([v, l]) => `    ${v} ${literal(fitBytes(l, 120))}`));
  });
  if (valueLabels.length) sps.push('VALUE LABELS', ...valueLabels, '.');
  const nominal = cols.map((c, i) => (c.kind === 'text' ? '' : colName(i))).filter(Boolean);
  if (nominal.length) sps.push('VARIABLE LEVEL', ...nominal.map((n) => `  ${n}`), '  (NOMINAL).');
  sps.push('EXECUTE.', '');

  return { sps: sps.join('\r\n'), csv: writeCsv(names, rows) };
}
