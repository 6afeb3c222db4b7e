// Lineage forms and the translations list.
import { describe, expect, it } from 'vitest';
import { validateLineage } from '../../questionnaire/index.ts';
import { askedBeside, earlierQuestions, editLineage, suggestedMapping } from './lineage.edit.ts';
import { form, shipped, valid } from './test-helpers.ts';
import { translationGaps } from './translations.edit.ts';

const lineageOk = (qn: ReturnType<typeof shipped>['qn'], others: ReturnType<typeof shipped>['others']) =>
  validateLineage(new Map([...others, qn].map((q) => [q.edition, q])), (e) => `editie ${e}`);

describe('lineage', () => {
  it('offers the questions of earlier editions with every code they had', () => {
    const { qn, others } = shipped();
    const budget = earlierQuestions(others, qn.edition).find((e) => e.key === 'budget_status')!;
    expect(budget.editions).toEqual([2019, 2020, 2021]);
    expect(budget.codes.map((c) => c.code)).toEqual(expect.arrayContaining(['geen_budget', 'eenmalig', 'structureel']));
    expect(earlierQuestions(others, 2019)).toEqual([]);
  });

  it('suggests the saved mapping, or the same code where this question has it', () => {
    const { qn, others } = shipped();
    const q = qn.questions.find((x) => x.key === 'financiering')!;
    const budget = earlierQuestions(others, 2023).find((e) => e.key === 'budget_status')!;
    expect(suggestedMapping(q, qn, budget)).toMatchObject({ eenmalig: 'eenmalig', structureel: 'structureel' });
  });

  it('replaces: a select per old code, "geen" leaves it out', () => {
    const { qn, others } = shipped();
    const r = editLineage(qn, others, 'financiering', form({ rev: '1', soort: 'replaces', van: 'budget_status', 'map-0-geen_budget': 'geen_budget', 'map-0-eenmalig': 'eenmalig', 'map-0-structureel': '', 'map-0-anders': 'anders' }));
    const after = valid(r.next);
    lineageOk(after, others);
    expect(after.questions.find((q) => q.key === 'financiering')?.replaces).toEqual({ key: 'budget_status', options: { geen_budget: 'geen_budget', eenmalig: 'eenmalig', anders: 'anders' } });
  });

  it('merges: two or more predecessors, each with a mapping; continues and none clear the others', () => {
    const { qn, others } = shipped();
    // A question asked beside this one cannot be merged into it: not offered, refused.
    expect(earlierQuestions(others, 2023, askedBeside(qn, 'financiering')).map((e) => e.key)).toEqual(['budget_status', 'corona_aanpak', 'financiering']);
    expect(editLineage(qn, others, 'financiering', form({ soort: 'merges', van: ['budget_status', 'monitoring'] })).errors[0].key).toBe('error.lineage.key');
    const merged = editLineage(qn, others, 'financiering', form({ rev: '1', soort: 'merges', van: ['budget_status', 'corona_aanpak'], 'map-0-structureel': 'structureel', 'map-1-geintensiveerd': 'coronasteun' }));
    const q = valid(merged.next).questions.find((x) => x.key === 'financiering')!;
    lineageOk(valid(merged.next), others);
    expect(q.merges).toEqual([{ key: 'budget_status', options: { structureel: 'structureel' } }, { key: 'corona_aanpak', options: { geintensiveerd: 'coronasteun' } }]);
    expect(q.replaces).toBeUndefined();
    expect(editLineage(qn, others, 'financiering', form({ soort: 'merges', van: 'budget_status' })).errors[0].key).toBe('error.lineage.two');
    const cont = valid(editLineage(qn, others, 'monitoring', form({ soort: 'continues', van: 'monitoring' })).next).questions.find((x) => x.key === 'monitoring')!;
    expect(cont.continues).toBe('monitoring');
    const none = valid(editLineage(qn, others, 'financiering', form({ soort: 'none' })).next).questions.find((x) => x.key === 'financiering')!;
    expect([none.continues, none.replaces, none.merges]).toEqual([undefined, undefined, undefined]);
  });

  it('refuses an unknown predecessor, a code this question does not have, and merges for a matrix', () => {
    const { qn, others } = shipped();
    expect(editLineage(qn, others, 'financiering', form({ soort: 'replaces', van: 'bestaat_niet' })).errors[0]).toMatchObject({ field: 'van', key: 'error.lineage.key' });
    const bad = editLineage(qn, others, 'financiering', form({ soort: 'replaces', van: 'budget_status', 'map-0-eenmalig': 'verzonnen' }));
    expect(bad.errors[0]).toMatchObject({ field: 'map-0-eenmalig', key: 'error.lineage.mapping', params: { code: 'verzonnen' } });
    expect(editLineage(qn, others, 'inzet_producten', form({ soort: 'merges', van: ['inzet_producten', 'doelgroepen'] })).errors.map((e) => e.key)).toContain('error.lineage.mergeType');
  });
});

describe('translations', () => {
  it('lists texts whose English is the Dutch, with the field that fixes them', () => {
    const { qn } = shipped();
    qn.questions[0].text.en = qn.questions[0].text.nl;
    const gaps = translationGaps(qn);
    expect(gaps).toContainEqual(expect.objectContaining({ page: { kind: 'question', question: qn.questions[0].key }, field: 'text-en', missing: false }));
    expect(gaps.every((g) => g.text.en.trim() === '' || g.text.en.trim() === g.text.nl.trim())).toBe(true);
  });
});
