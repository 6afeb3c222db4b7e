// Answer options: add, rename, remove and move, with what refers to a code.
import { describe, expect, it } from 'vitest';
import { editQuestionOptions, editScaleOptions } from './options.edit.ts';
import { optionReferences } from './references.edit.ts';
import { optionFields, shipped, valid } from './test-helpers.ts';

const q = (qn: ReturnType<typeof shipped>['qn'], key: string) => qn.questions.find((x) => x.key === key)!;

describe('answer options', () => {
  it('adds an option from the empty row; English left empty takes the Dutch text', () => {
    const { qn, others } = shipped();
    const opts = q(qn, 'signaalpunt').options!;
    const n = opts.length;
    const r = editQuestionOptions(qn, others, 'signaalpunt', optionFields(opts, { [`opt-${n}-code`]: 'weet_niet', [`opt-${n}-label-nl`]: 'Weet ik niet', [`opt-${n}-status`]: 'neutral' }));
    expect(r.errors).toEqual([]);
    const added = q(valid(r.next), 'signaalpunt').options!.at(-1);
    expect(added).toEqual({ code: 'weet_niet', label: { nl: 'Weet ik niet', en: 'Weet ik niet' }, status: 'neutral' });
  });

  it('renames a code: its tip and the question\'s own lineage mapping move along', () => {
    const { qn, others } = shipped();
    const fin = q(qn, 'financiering');
    const at = fin.options!.findIndex((o) => o.code === 'eenmalig');
    // No show_if or key result counts "eenmalig"; its own lineage maps an old code onto it.
    expect(optionReferences(qn, others, 'financiering', 'eenmalig').map((r) => r.kind)).toEqual(['ownLineage']);
    const r = editQuestionOptions(qn, others, 'financiering', optionFields(fin.options!, { [`opt-${at}-code`]: 'eenmalig_budget' }));
    expect(r.errors).toEqual([]);
    const after = q(valid(r.next), 'financiering');
    expect(after.options![at].code).toBe('eenmalig_budget');
    expect(Object.values(after.replaces!.options)).toContain('eenmalig_budget');
    expect(Object.values(after.replaces!.options)).not.toContain('eenmalig');
    if (fin.tips?.eenmalig) expect(after.tips?.eenmalig_budget).toEqual(fin.tips.eenmalig);
  });

  it('refuses to rename or remove a code that a show_if or a key result refers to, naming it', () => {
    const { qn, others } = shipped();
    const opts = q(qn, 'lokale_coalitie').options!;
    const at = opts.findIndex((o) => o.code === 'initieren');
    const renamed = editQuestionOptions(qn, others, 'lokale_coalitie', optionFields(opts, { [`opt-${at}-code`]: 'gestart' }));
    expect(renamed.next).toBeUndefined();
    expect(renamed.errors[0]).toMatchObject({ field: `opt-${at}-code`, key: 'error.rename.referenced', params: { code: 'initieren' } });
    expect(renamed.errors[0].refs).toEqual(expect.arrayContaining([{ kind: 'showIf', question: 'kartrekker' }, expect.objectContaining({ kind: 'keyResult', question: 'lokale_coalitie' })]));
    const removed = editQuestionOptions(qn, others, 'lokale_coalitie', optionFields(opts, { [`opt-${at}-remove`]: '1' }));
    expect(removed.errors[0]).toMatchObject({ field: `opt-${at}-remove`, key: 'error.remove.referenced' });
  });

  it('an old code a later edition\'s lineage maps is not renamed in the earlier edition', () => {
    const { qn, others } = shipped(2021);
    const opts = q(qn, 'budget_status').options!;
    const at = opts.findIndex((o) => o.code === 'eenmalig');
    expect(optionReferences(qn, others, 'budget_status', 'eenmalig')).toEqual([
      { kind: 'lineage', question: 'financiering', edition: 2022 }, { kind: 'lineage', question: 'financiering', edition: 2023 },
    ]);
    const r = editQuestionOptions(qn, others, 'budget_status', optionFields(opts, { [`opt-${at}-code`]: 'eenmalig_budget' }));
    expect(r.errors[0]).toMatchObject({ field: `opt-${at}-code`, key: 'error.rename.referenced', refs: [{ kind: 'lineage', edition: 2022 }, { kind: 'lineage', edition: 2023 }] });
  });

  it('removes an option nothing refers to, with its tip, and says so', () => {
    const { qn, others } = shipped();
    const week = q(qn, 'week_tegen_eenzaamheid');
    const opts = week.options!;
    const at = opts.findIndex((o) => o.code === 'nee');
    expect(week.tips?.nee).toBeDefined();
    const r = editQuestionOptions(qn, others, 'week_tegen_eenzaamheid', optionFields(opts, { [`opt-${at}-remove`]: '1' }));
    expect(r.errors).toEqual([]);
    const after = q(valid(r.next), 'week_tegen_eenzaamheid');
    expect(after.options!.map((o) => o.code)).not.toContain('nee');
    expect(after.tips?.nee).toBeUndefined();
    expect(r.notice).toEqual({ key: 'notice.tipsRemoved', params: { codes: 'nee' } });
  });

  it('checks codes, statuses and "Anders": each error names its field, nothing changes', () => {
    const { qn, others } = shipped();
    const opts = q(qn, 'best_practices').options!;
    const r = editQuestionOptions(qn, others, 'best_practices', optionFields(opts, {
      'opt-0-code': 'Adviseurs!', 'opt-1-code': opts[2].code, 'opt-3-other': '1', 'opt-4-label-nl': '', 'opt-4-label-en': '',
      [`opt-${opts.length}-code`]: 'nieuw', [`opt-${opts.length}-label-nl`]: 'Nieuw',
    }));
    expect(r.next).toBeUndefined();
    expect(r.errors.map((e) => [e.field, e.key])).toEqual(expect.arrayContaining([
      ['opt-0-code', 'error.code.invalid'], ['opt-2-code', 'error.code.taken'], ['opt-4-label-nl', 'error.text.empty'],
    ]));
    // With the other errors fixed: the new option lacks a status while the others have one, and two "Anders".
    const r2 = editQuestionOptions(qn, others, 'best_practices', optionFields(opts, {
      'opt-3-other': '1', [`opt-${opts.length}-code`]: 'nieuw', [`opt-${opts.length}-label-nl`]: 'Nieuw',
    }));
    expect(r2.errors.map((e) => [e.field, e.key])).toEqual([[`opt-${opts.length}-status`, 'error.status.missing'], ['opt-4-other', 'error.other.twice']]);
  });

  it('"Omhoog" saves the page and moves the row; exclusive only counts for multi', () => {
    const { qn, others } = shipped();
    const opts = q(qn, 'best_practices').options!;
    const r = editQuestionOptions(qn, others, 'best_practices', optionFields(opts, { verplaats: '1-op', 'opt-1-label-nl': 'ZonMw-onderzoek' }));
    const after = q(valid(r.next), 'best_practices').options!;
    expect(after.slice(0, 2).map((o) => o.code)).toEqual([opts[1].code, opts[0].code]);
    expect(after[0].label.nl).toBe('ZonMw-onderzoek');
    const single = q(qn, 'signaalpunt').options!;
    const s = editQuestionOptions(qn, others, 'signaalpunt', optionFields(single, { 'opt-0-exclusive': '1' }));
    expect(q(valid(s.next), 'signaalpunt').options![0].exclusive).toBeUndefined();
  });

  it('a scale: renamed codes carry along in the lineage of every matrix question on it; fewer than two options is refused', () => {
    const { qn, others } = shipped();
    const scale = qn.scales.rol;
    const r = editScaleOptions(qn, others, 'rol', optionFields(scale, { 'opt-0-label-en': 'Leads' }));
    expect(valid(r.next).scales.rol[0].label.en).toBe('Leads');
    const fields = optionFields(scale, Object.fromEntries(scale.slice(1).map((_, i) => [`opt-${i + 1}-remove`, '1'])));
    const few = editScaleOptions(qn, others, 'rol', fields);
    expect(few.errors.map((e) => e.key)).toEqual(['error.options.tooFewScale']);
  });
});
