// report-text --edition YEAR --chapter SLUG --lang nl|en --file FILE.md: sets a chapter's draft of
// the national report's text; refused (nothing saved) while a placeholder does not resolve, naming
// each. report-text --edition YEAR --list: the chapters with their drafts and problems.
import fs from 'node:fs';
import { editionData, ensureChapters, problemsIn, ReportTextError, saveDraft } from '../../modules/report-text/index.ts';
import { chapterStates, editionProblems, publishText, TextProblemsError, writeFirstDraft } from '../../modules/report-text/index.ts';
import { parse, year } from '../args.ts';
import { type Command, CliError } from '../cli-error.ts';

const WHY = { unknown: 'onbekend', suppressed: 'te weinig antwoorden (afgeschermd)', unavailable: 'niet beschikbaar voor deze editie' } as const;

export const reportTextCommand: Command = {
  name: 'report-text',
  usage: 'report-text --edition YEAR --chapter SLUG --lang nl|en --file FILE.md · report-text --edition YEAR --list · report-text --edition YEAR --draft',
  summary: 'tekst van een hoofdstuk van het landelijke rapport (Markdown met plaatshouders) als concept opslaan, of de hoofdstukken tonen',
  async run(args, { db, now, out }) {
    const { values } = parse(args, { edition: { type: 'string' }, chapter: { type: 'string' }, lang: { type: 'string' }, file: { type: 'string' }, list: { type: 'boolean' }, draft: { type: 'boolean' } });
    const y = year(values.edition);
    try {
      if (values.draft) {
        if (values.chapter || values.file || values.lang || values.list) throw new CliError('--draft gaat niet samen met --chapter, --lang, --file of --list');
        const n = await writeFirstDraft(db, y, now(), null, 'cli');
        out(n ? `Eerste opzet uit de gegevens geschreven in ${n} tekst(en) van editie ${y}; bestaande tekst is blijven staan.` : `Geen hoofdstuk zonder tekst waarvoor de gegevens een opzet geven; er is niets veranderd.`);
        return;
      }
      if (values.list) {
        if (values.chapter || values.file || values.lang) throw new CliError('--list gaat niet samen met --chapter, --lang of --file');
        const states = await chapterStates(db, y);
        const problems = await editionProblems(db, y);
        for (const c of states) {
          const lang = (l: 'nl' | 'en') => {
            const d = c.drafts[l];
            return d ? `${l} versie ${d.revision} (${new Date(d.savedAt).toISOString().slice(0, 16).replace('T', ' ')}, ${d.by ?? 'opdrachtregel'})` : `${l} leeg`;
          };
          const mine = problems.filter((p) => p.slug === c.slug);
          out(`${c.position}. ${c.slug} – ${c.title.nl} · ${lang('nl')} · ${lang('en')}${mine.length ? ` · ${mine.length} fout(en): ${mine.map((p) => `{${p.name}}`).join(', ')}` : ''}`);
        }
        return;
      }
      const slug = values.chapter;
      if (!slug) throw new CliError('Geef --chapter SLUG (zie report-text --edition JAAR --list) of --list');
      const lang = values.lang;
      if (lang !== 'nl' && lang !== 'en') throw new CliError(`--lang is nl of en (kreeg: ${lang ?? 'niets'})`);
      if (!values.file) throw new CliError('Geef --file BESTAND.md met de tekst in Markdown');
      let body: string;
      try {
        body = fs.readFileSync(values.file, 'utf8');
      } catch (e) {
        throw new CliError(`Kan ${values.file} niet lezen: ${(e as Error).message}`);
      }
      const chapters = await ensureChapters(db, y);
      if (!chapters.some((c) => c.slug === slug)) throw new CliError(`Hoofdstuk ${slug} bestaat niet in editie ${y}; wel: ${chapters.map((c) => c.slug).join(', ')}`);
      const problems = problemsIn(await editionData(db, y), [{ slug, lang, body }]);
      if (problems.length) {
        throw new CliError(`Niet opgeslagen: ${problems.length} plaatshouder(s) kloppen niet: ${problems.map((p) => `{${p.name}} (${WHY[p.problem]})`).join(', ')}`);
      }
      const current = (await chapterStates(db, y)).find((c) => c.slug === slug)?.drafts[lang];
      const saved = await saveDraft(db, { year: y, slug, lang, body, expectedRevision: current?.revision ?? 0, now: now(), accountId: null, via: 'cli' });
      out(saved && saved.revision !== current?.revision ? `Hoofdstuk ${slug} (${lang}) van editie ${y} opgeslagen als concept, versie ${saved.revision}.` : `Hoofdstuk ${slug} (${lang}) van editie ${y} is ongewijzigd.`);
    } catch (e) {
      if (e instanceof ReportTextError) throw new CliError(e.key === 'edition' ? `Editie ${y} bestaat niet` : `Fout: ${e.message}`);
      throw e;
    }
  },
};

/** For `edition YEAR --publish`: publishes the report text in the edition's transaction, or refuses naming every problem. */
export async function publishTextOrFail(db: Parameters<typeof publishText>[0], y: number, now: Date): Promise<void> {
  try {
    await publishText(db, y, now, null);
  } catch (e) {
    if (!(e instanceof TextProblemsError)) throw e;
    throw new CliError(`Editie ${y} is niet gepubliceerd: de rapporttekst heeft ${e.problems.length} plaatshouder(s) die niet kloppen: ${e.problems.map((p) => `{${p.name}} in ${p.slug} (${p.lang}, ${WHY[p.problem]})`).join('; ')}. Verbeter de tekst (report-text --edition ${y} --list) en publiceer opnieuw.`);
  }
}
