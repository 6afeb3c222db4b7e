// Loads and checks the per-edition questionnaire definitions (data/questionnaires/<year>.json).
// A definition is data that others edit by hand, so every mistake must name file, key and problem
// (in Dutch, for the bureau) instead of surfacing later as a broken form or a wrong trend.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { answerOptions, hasStatuses, type Option, predecessorsOf, type Question, Questionnaire } from './questionnaire.model.ts';

export class QuestionnaireError extends Error {
  /** One line per problem, each "<file>: <key>: <problem>". */
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'QuestionnaireError';
    this.problems = problems;
  }
}

type Path = readonly PropertyKey[];

/** "questions.3.showIf.in" → `vraag "trekker": showIf.in`, using the key from the raw data. */
function readablePath(raw: unknown, path: Path): string {
  const [head, index, ...rest] = path;
  const noun = head === 'questions' ? 'vraag' : head === 'themes' ? 'thema' : undefined;
  const dotted = (p: Path) => p.map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i ? '.' : ''}${String(s)}`)).join('');
  if (noun && typeof index === 'number') {
    const key = (raw as Record<string, { key?: unknown }[]> | null)?.[head as string]?.[index]?.key;
    const subject = typeof key === 'string' ? `${noun} "${key}"` : `${noun} ${index + 1}`;
    return rest.length ? `${subject}: ${dotted(rest)}` : subject;
  }
  return path.length ? dotted(path) : '(bestand)';
}

/** Zod's z.object strips unknown fields; a typo such as `show_if` would silently drop a condition. */
function unknownFields(schema: z.ZodType, value: unknown, path: PropertyKey[], out: Path[]): void {
  if (schema instanceof z.ZodOptional) {
    unknownFields(schema.unwrap() as z.ZodType, value, path, out);
  } else if (value === null || typeof value !== 'object') {
    // a scalar has no fields
  } else if (schema instanceof z.ZodArray && Array.isArray(value)) {
    value.forEach((v, i) => {
      unknownFields(schema.element as z.ZodType, v, [...path, i], out);
    });
  } else if (schema instanceof z.ZodRecord) {
    for (const [k, v] of Object.entries(value)) unknownFields(schema.valueType as z.ZodType, v, [...path, k], out);
  } else if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.ZodType>;
    for (const [k, v] of Object.entries(value)) {
      if (shape[k]) unknownFields(shape[k], v, [...path, k], out);
      else out.push([...path, k]);
    }
  }
}

const TYPE_NL: Record<string, string> = {
  string: 'een tekst', number: 'een getal', boolean: 'waar of onwaar (true/false)', object: 'een object { … }',
  array: 'een lijst [ … ]', record: 'een object { … }',
};

/** Zod's Dutch messages, with a missing field said plainly instead of "ontving undefined". */
const dutchError: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') {
    const wanted = TYPE_NL[issue.expected] ?? issue.expected;
    if (issue.input === undefined) return `ontbreekt (hier hoort ${wanted})`;
    const got = issue.input === null ? 'null' : Array.isArray(issue.input) ? 'een lijst' : (TYPE_NL[typeof issue.input] ?? typeof issue.input);
    return `verwacht ${wanted}, maar dit is ${got}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'array') return `moet minstens ${issue.minimum} onderdeel hebben`;
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1) return 'mag niet leeg zijn';
  return z.locales.nl().localeError(issue);
};

function shapeProblems(raw: unknown, file: string): string[] {
  const parsed = Questionnaire.safeParse(raw, { error: dutchError });
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${file}: ${readablePath(raw, i.path)}: ${i.message}`);
  const extra: Path[] = [];
  unknownFields(Questionnaire, raw, [], extra);
  for (const p of extra) problems.push(`${file}: ${readablePath(raw, p)}: onbekend veld`);
  return problems;
}

function duplicates(codes: string[]): string[] {
  return [...new Set(codes.filter((c, i) => codes.indexOf(c) !== i))];
}

/** The rules Zod cannot express: references between parts of one edition. */
function ruleProblems(qn: Questionnaire, file: string): string[] {
  const problems: string[] = [];
  const say = (subject: string, problem: string) => problems.push(`${file}: ${subject}: ${problem}`);

  const year = /^(\d{4})\.json$/.exec(basename(file))?.[1];
  if (year && Number(year) !== qn.edition) say('edition', `editie ${qn.edition} past niet bij de bestandsnaam (${year})`);

  const themeKeys = qn.themes.map((t) => t.key);
  for (const d of duplicates(themeKeys)) say(`thema "${d}"`, 'komt meer dan één keer voor');
  for (const [name, scale] of Object.entries(qn.scales)) {
    for (const d of duplicates(scale.map((o) => o.code))) say(`schaal "${name}"`, `code "${d}" komt meer dan één keer voor`);
  }

  const position = new Map<string, number>();
  qn.questions.forEach((q, i) => {
    if (position.has(q.key)) say(`vraag "${q.key}"`, 'komt meer dan één keer voor');
    else position.set(q.key, i);
  });

  const replacedBy = new Map<string, string>();
  qn.questions.forEach((q, i) => {
    const sayQ = (problem: string) => say(`vraag "${q.key}"`, problem);
    if (!themeKeys.includes(q.theme)) sayQ(`thema "${q.theme}" bestaat niet`);
    checkType(qn, q, sayQ);
    const options = answerOptions(q, qn);
    const codes = new Set(options.map((o) => o.code));

    if (q.showIf) {
      const target = position.get(q.showIf.question);
      const source = target === undefined ? undefined : qn.questions[target];
      const ref = `show_if verwijst naar "${q.showIf.question}"`;
      if (target === undefined || !source) sayQ(`${ref}, die niet in deze vragenlijst staat`);
      else if (target === i) sayQ('show_if verwijst naar de vraag zelf');
      else if (target > i) sayQ(`${ref}, die pas later in de vragenlijst komt`);
      else if (source.type === 'matrix' || source.type === 'text') {
        sayQ(`${ref}, een ${source.type}-vraag; show_if kan alleen naar een single- of multi-vraag`);
      } else {
        const sourceCodes = new Set(answerOptions(source, qn).map((o) => o.code));
        for (const c of q.showIf.in) {
          if (!sourceCodes.has(c)) sayQ(`show_if: code "${c}" is geen antwoordoptie van "${source.key}"`);
        }
      }
    }

    const tipCodes = new Set([...codes, ...(q.items ?? []).map((it) => it.code)]);
    for (const c of Object.keys(q.tips ?? {})) {
      if (!tipCodes.has(c)) sayQ(`tip bij "${c}": geen optie- of itemcode van deze vraag`);
    }

    lineageProblems(q, position, replacedBy, codes, sayQ);
    statusProblems(qn, q, themeKeys, position, sayQ);
  });

  for (const [name, scale] of Object.entries(qn.scales)) {
    if (hasStatuses(scale) && scale.some((o) => !o.status)) {
      say(`schaal "${name}"`, `geef elke optie een status of geen enkele (zonder status: ${scale.filter((o) => !o.status).map((o) => o.code).join(', ')})`);
    }
  }
  for (const [i, k] of (qn.keyResults ?? []).entries()) {
    const sayK = (problem: string) => say(`kernresultaat ${i + 1} (vraag "${k.question}")`, problem);
    const q = qn.questions.find((x) => x.key === k.question);
    if (!q) {
      sayK('die vraag staat niet in deze vragenlijst');
      continue;
    }
    if (q.type !== 'single' && q.type !== 'multi') {
      sayK(`een ${q.type}-vraag; een kernresultaat kan alleen bij een single- of multi-vraag`);
      continue;
    }
    const codes = new Set(answerOptions(q, qn).map((o) => o.code));
    for (const c of k.options) if (!codes.has(c)) sayK(`code "${c}" is geen antwoordoptie van deze vraag`);
    if (q.type === 'multi' && k.options.length !== 1) sayK('bij een multi-vraag telt een kernresultaat precies één optie (gemeenten kunnen meer opties kiezen)');
  }

  for (const t of qn.themes) {
    if (!qn.questions.some((q) => q.theme === t.key)) say(`thema "${t.key}"`, 'heeft geen vragen in deze editie');
  }
  return problems;
}

/** Lineage within one edition: one kind at most, no predecessor asked beside it, codes that exist. */
function lineageProblems(q: Question, position: Map<string, number>, replacedBy: Map<string, string>, codes: Set<string>, sayQ: (p: string) => void): void {
  const kinds = (['continues', 'replaces', 'merges'] as const).filter((k) => q[k] !== undefined);
  if (kinds.length > 1) sayQ(`kies één soort herkomst, niet ${kinds.join(' en ')}`);
  if (q.merges && q.type !== 'single' && q.type !== 'multi') sayQ('alleen een single- of multi-vraag kan vragen samenvoegen (merges)');
  const kind = kinds[0] ?? '';
  for (const p of predecessorsOf(q)) {
    if (p.key !== q.key && position.has(p.key)) {
      sayQ(`${kind} verwijst naar "${p.key}", maar die vraag staat ook in deze editie (ze kunnen niet allebei gevraagd worden)`);
    }
    const other = replacedBy.get(p.key);
    if (other) sayQ(`${kind}: "${p.key}" wordt al voortgezet door "${other}"`);
    replacedBy.set(p.key, q.key);
    const field = kind === 'merges' ? `merges (${p.key}).options` : `${kind}.options`;
    for (const [old, now] of Object.entries(p.options ?? {})) {
      if (!codes.has(now)) sayQ(`${field}: "${old}" wordt gekoppeld aan "${now}", maar deze vraag heeft geen code "${now}"`);
    }
  }
}

/** Status rules and challenge subjects: all or none of the options, subjects that exist. */
function statusProblems(qn: Questionnaire, q: Question, themeKeys: string[], position: Map<string, number>, sayQ: (p: string) => void): void {
  const own: Option[] = q.options ?? [];
  if (hasStatuses(own) && own.some((o) => !o.status)) {
    sayQ(`geef elke optie een status of geen enkele (zonder status: ${own.filter((o) => !o.status).map((o) => o.code).join(', ')})`);
  }
  if (q.type === 'matrix' && q.tips && Object.keys(q.tips).length) {
    const scale = q.scale ? (qn.scales[q.scale] ?? []) : [];
    if (!scale.some((o) => o.status === 'not' || o.status === 'partial')) {
      sayQ(`de tips van deze matrix worden nooit gegeven: geef in schaal "${q.scale}" de antwoorden die "niet" of "deels" betekenen die status`);
    }
  }
  for (const o of own) {
    if (!o.about) continue;
    const [subject, item] = o.about.split('.');
    const target = position.has(subject) ? qn.questions[position.get(subject) as number] : undefined;
    const known = item ? target?.items?.some((i) => i.code === item) : themeKeys.includes(subject) || target;
    if (!known) sayQ(`optie "${o.code}": gaat over "${o.about}", maar dat is geen thema, vraag of vraag.item van deze vragenlijst`);
  }
}

function checkType(qn: Questionnaire, q: Question, sayQ: (problem: string) => void): void {
  if (q.type === 'single' || q.type === 'multi') {
    if (!q.options?.length) sayQ(`een ${q.type}-vraag zonder antwoordopties (options)`);
  } else if (q.type === 'matrix') {
    if (!q.items?.length) sayQ('een matrix zonder items');
    if (!q.scale) sayQ('een matrix zonder schaal (scale)');
    else if (!qn.scales[q.scale]) sayQ(`schaal "${q.scale}" bestaat niet`);
    if (q.options) sayQ('een matrix heeft geen eigen options, alleen een schaal (scale)');
  } else if (q.options || q.items || q.scale) {
    sayQ('een open vraag (text) heeft geen options, items of scale');
  }
  const options = q.options ?? [];
  for (const d of duplicates(options.map((o) => o.code))) sayQ(`optie "${d}" komt meer dan één keer voor`);
  for (const d of duplicates((q.items ?? []).map((it) => it.code))) sayQ(`item "${d}" komt meer dan één keer voor`);
  for (const o of options) {
    if (o.exclusive && q.type !== 'multi') sayQ(`optie "${o.code}": exclusive kan alleen bij een multi-vraag`);
  }
  const others = options.filter((o) => o.other).map((o) => o.code);
  if (others.length > 1) sayQ(`meer dan één "anders, namelijk"-optie (${others.join(', ')})`);
}

/** Checks one edition's definition; throws a QuestionnaireError listing every problem found. */
export function validateQuestionnaire(raw: unknown, file: string): Questionnaire {
  const shape = shapeProblems(raw, file);
  if (shape.length) throw new QuestionnaireError(shape);
  const qn = Questionnaire.parse(raw);
  const rules = ruleProblems(qn, file);
  if (rules.length) throw new QuestionnaireError(rules);
  return qn;
}

/**
 * Lineage across editions: `continues`, `replaces` and every part of `merges` must name a question
 * that an earlier edition asked, and map only codes that question really had (in any edition).
 */
export function validateLineage(byEdition: ReadonlyMap<number, Questionnaire>, fileOf: (edition: number) => string): void {
  const problems: string[] = [];
  const editions = [...byEdition.keys()].sort((a, b) => a - b);
  for (const edition of editions) {
    for (const q of byEdition.get(edition)?.questions ?? []) {
      const kind = q.continues ? 'continues' : q.replaces ? 'replaces' : 'merges';
      for (const p of predecessorsOf(q)) {
        const subject = `${fileOf(edition)}: vraag "${q.key}"`;
        const earlier = editions.filter((e) => e < edition).flatMap((e) => {
          const qn = byEdition.get(e);
          const old = qn?.questions.find((o) => o.key === p.key);
          return qn && old ? [{ file: fileOf(e), codes: answerOptions(old, qn).map((o) => o.code) }] : [];
        });
        if (!earlier.length) {
          problems.push(`${subject}: ${kind} verwijst naar "${p.key}", maar die vraag staat in geen eerdere editie`);
          continue;
        }
        const oldCodes = new Set(earlier.flatMap((e) => e.codes));
        const field = kind === 'merges' ? `merges (${p.key}).options` : `${kind}.options`;
        for (const old of Object.keys(p.options ?? {})) {
          if (oldCodes.has(old)) continue;
          const where = earlier.map((e) => e.file).join(', ');
          problems.push(`${subject}: ${field}: oude code "${old}" is geen antwoordoptie van vraag "${p.key}" in ${where}`);
        }
      }
    }
  }
  if (problems.length) throw new QuestionnaireError(problems);
}

export function loadQuestionnaireFile(path: string): Questionnaire {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new QuestionnaireError([`${path}: (bestand): niet te lezen als JSON (${(e as Error).message})`]);
  }
  return validateQuestionnaire(raw, path);
}

/** All editions in `dir` (files named <year>.json), ascending by edition, lineage checked. */
export function loadQuestionnaires(dir = 'data/questionnaires'): Map<number, Questionnaire> {
  const problems: string[] = [];
  const byEdition = new Map<number, Questionnaire>();
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  for (const name of files) {
    const file = join(dir, name);
    if (!/^\d{4}\.json$/.test(name)) {
      problems.push(`${file}: (bestand): de bestandsnaam moet het jaar van de editie zijn, bijvoorbeeld 2022.json`);
      continue;
    }
    try {
      const qn = loadQuestionnaireFile(file);
      byEdition.set(qn.edition, qn);
    } catch (e) {
      if (!(e instanceof QuestionnaireError)) throw e;
      problems.push(...e.problems);
    }
  }
  if (problems.length) throw new QuestionnaireError(problems);
  validateLineage(byEdition, (edition) => join(dir, `${edition}.json`));
  return byEdition;
}
