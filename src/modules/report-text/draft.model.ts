// A first draft written from the data (issue 18.3), rule-based: per theme the largest changes
// since the edition before, the panel against all municipalities and notable provinces, the
// response in the summary and the approach. Every number is a placeholder, and a sentence is only
// written when all its placeholders resolve, so the draft starts without errors. Pure.
import { tx } from '../../web/i18n.ts';
import type { Lang } from '../questionnaire/index.ts';
import type { ResultsData } from '../reports/national/data.ts';
import { questionResult, themeQuestions } from '../reports/national/questions.ts';
import type { Resolver } from './placeholder.model.ts';
import { type Chapter, placement } from './report-text.model.ts';

/** Changes smaller than this many percentage points are not news. */
const MIN_CHANGE = 5;
/** Provinces are named when they differ this much from the nation. */
const MIN_PROVINCE_GAP = 15;
const MAX_CHANGES = 3;

/** Markdown's punctuation escaped, so a question text is never read as markup or a placeholder. */
export function mdText(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}

type Candidate = { key: string; option: string; question: string; label: string; delta: number };

const S = {
  nl: {
    response: (y: number) => `In ${y} vulden {respons.ingevuld} van de {respons.uitgenodigd} uitgenodigde gemeenten de vragenlijst in ({respons.percent}%).`,
    previous: (y: number) => `In ${y} waren dat er {respons.vorige.ingevuld} ({respons.vorige.percent}%).`,
    panel: (from: number, to: number) => `{panel.n} gemeenten deden mee aan elke editie van ${from} tot en met ${to}: het panel.`,
    map: 'Welke gemeenten meededen, staat op de kaart in {figuur.kaart}; de respons per provincie in {figuur.provincies}.',
    change: (c: Candidate, p: string) => `Het aandeel gemeenten dat bij "${c.question}" antwoordde met "${c.label}" ${c.delta > 0 ? 'steeg' : 'daalde'} van {${p}.vorige}% naar {${p}.percent}% ({${p}.verschil} procentpunt, zie {figuur.${c.key}}).`,
    noChange: 'Tussen de twee laatste edities veranderden de antwoorden in dit thema weinig (minder dan 5 procentpunt).',
    panelLine: (c: Candidate, p: string) => `In het panel antwoordde {${p}.panel}% "${c.label}" bij "${c.question}", tegen {${p}.percent}% van alle gemeenten.`,
    province: (c: Candidate, p: string, name: string, code: string, high: boolean) => `In ${name} ligt het aandeel "${c.label}" bij "${c.question}" met {${p}.provincie.${code}}% ${high ? 'duidelijk hoger' : 'duidelijk lager'} dan landelijk ({${p}.percent}%).`,
  },
  en: {
    response: (y: number) => `In ${y}, {respons.ingevuld} of the {respons.uitgenodigd} invited municipalities completed the questionnaire ({respons.percent}%).`,
    previous: (y: number) => `In ${y} there were {respons.vorige.ingevuld} ({respons.vorige.percent}%).`,
    panel: (from: number, to: number) => `{panel.n} municipalities took part in every edition from ${from} to ${to}: the panel.`,
    map: 'Which municipalities took part is shown on the map in {figuur.kaart}; the response per province in {figuur.provincies}.',
    change: (c: Candidate, p: string) => `The share of municipalities answering "${c.label}" to "${c.question}" ${c.delta > 0 ? 'rose' : 'fell'} from {${p}.vorige}% to {${p}.percent}% ({${p}.verschil} percentage points, see {figuur.${c.key}}).`,
    noChange: 'Between the last two editions the answers in this theme changed little (less than 5 percentage points).',
    panelLine: (c: Candidate, p: string) => `In the panel {${p}.panel}% answered "${c.label}" to "${c.question}", against {${p}.percent}% of all municipalities.`,
    province: (c: Candidate, p: string, name: string, code: string, high: boolean) => `In ${name} the share answering "${c.label}" to "${c.question}" is ${high ? 'clearly higher' : 'clearly lower'} at {${p}.provincie.${code}}% than nationally ({${p}.percent}%).`,
  },
} as const;

const NAMES = /\{([A-Za-z0-9][A-Za-z0-9_.-]*)\}/g;

/** The draft per chapter slug, for the chapters the rules can write (summary, response, themes). */
export function draftFromData(data: ResultsData, lang: Lang, chapters: Chapter[], resolver: Resolver): Map<string, string> {
  const s = S[lang];
  // A sentence is kept only when every placeholder in it resolves.
  const ok = (sentence: string) => [...sentence.matchAll(NAMES)].every((m) => resolver.resolve(m[1]).ok);
  const keep = (lines: string[]) => lines.filter(ok);
  const previous = data.editions.filter((e) => e < data.year).at(-1);
  const out = new Map<string, string>();

  const response = keep([s.response(data.year), ...(previous === undefined ? [] : [s.previous(previous)]), ...(data.panel.shown ? [s.panel(data.editions[0], data.year)] : [])]);
  for (const ch of chapters) {
    const p = placement(ch);
    if (p.kind === 'summary') out.set(ch.slug, response.join(' '));
    else if (p.kind === 'response') out.set(ch.slug, keep([...response, s.map]).join('\n\n'));
    else if (p.kind === 'theme') out.set(ch.slug, themeDraft(p.theme));
  }
  return out;

  function themeDraft(theme: string): string {
    const candidates: Candidate[] = [];
    for (const q of themeQuestions(data, theme)) {
      if (q.type === 'matrix') continue;
      const r = questionResult(data, q);
      for (const o of r.options) {
        const d = resolver.resolve(`vraag.${q.key}.${o.code}.verschil`);
        if (d.ok && d.value !== undefined) candidates.push({ key: q.key, option: o.code, question: mdText(tx(lang, q.text)), label: mdText(tx(lang, o.label)), delta: d.value });
      }
    }
    const ph = (c: Candidate) => `vraag.${c.key}.${c.option}`;
    // One sentence per question (the options of a single question mirror each other): its largest change.
    const perQuestion = new Map<string, Candidate>();
    for (const c of candidates) if (Math.abs(c.delta) > Math.abs(perQuestion.get(c.key)?.delta ?? -1)) perQuestion.set(c.key, c);
    const changes = [...perQuestion.values()].filter((c) => Math.abs(c.delta) >= MIN_CHANGE).sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta)).slice(0, MAX_CHANGES);
    const lines = keep(changes.map((c) => s.change(c, ph(c))));
    if (!lines.length && candidates.length) lines.push(s.noChange);
    // Panel against all, and provinces far from the nation, for the largest change (or the first figure).
    const lead = changes[0] ?? candidates[0];
    if (lead) {
      lines.push(...keep([s.panelLine(lead, ph(lead))]));
      const national = resolver.resolve(`${ph(lead)}.percent`);
      if (national.ok && national.value !== undefined) {
        const gaps = data.provinces
          .map((pv) => ({ pv, r: resolver.resolve(`${ph(lead)}.provincie.${pv.code}`) }))
          .filter((x) => x.r.ok && x.r.value !== undefined && Math.abs((x.r.value ?? 0) - (national.value ?? 0)) >= MIN_PROVINCE_GAP)
          .sort((a, b) => Math.abs((b.r.ok ? b.r.value ?? 0 : 0) - (national.value ?? 0)) - Math.abs((a.r.ok ? a.r.value ?? 0 : 0) - (national.value ?? 0)))
          .slice(0, 2);
        lines.push(...keep(gaps.map((g) => s.province(lead, ph(lead), mdText(g.pv.name), g.pv.code, (g.r.ok ? g.r.value ?? 0 : 0) > (national.value ?? 0)))));
      }
    }
    return lines.join('\n\n');
  }
}
