// show_if, tips and key results of one question.
import { describe, expect, it } from 'vitest';
import { editShowIf, editTips } from './conditions.edit.ts';
import { addKeyResult, keyResultsOf, removeKeyResult } from './key-results.edit.ts';
import { showIfSources } from './question.edit.ts';
import { form, shipped, valid } from './test-helpers.ts';

describe('show_if', () => {
  it('offers only earlier single and multi questions', () => {
    const { qn } = shipped();
    const sources = showIfSources(qn, 'kartrekker').map((q) => q.key);
    expect(sources).toContain('lokale_coalitie');
    expect(sources).not.toContain('inzet_producten'); // a matrix
    expect(sources).not.toContain('kartrekker');
    expect(sources).not.toContain('huisbezoeken_75plus'); // later
  });

  it('sets the question and its answers, or removes the condition', () => {
    const { qn } = shipped();
    const set = valid(editShowIf(qn, 'monitoring', form({ rev: '1', vraag: 'best_practices', in: ['nee', 'adviseurs', 'onbekend'] })).next);
    expect(set.questions.find((q) => q.key === 'monitoring')?.showIf).toEqual({ question: 'best_practices', in: ['adviseurs', 'nee'] });
    const off = valid(editShowIf(qn, 'kartrekker', form({ rev: '1', vraag: '' })).next);
    expect(off.questions.find((q) => q.key === 'kartrekker')?.showIf).toBeUndefined();
  });

  it('refuses a later question and no answers', () => {
    const { qn } = shipped();
    expect(editShowIf(qn, 'signaalpunt', form({ vraag: 'monitoring', in: 'ja' })).errors).toEqual([{ field: 'vraag', key: 'error.showIf.question', part: undefined, params: undefined }]);
    expect(editShowIf(qn, 'monitoring', form({ vraag: 'signaalpunt' })).errors[0]).toMatchObject({ field: 'in-ja', key: 'error.showIf.options' });
  });
});

describe('tips', () => {
  const base = { rev: '1', 'tip-ja-nl': '', 'tip-ja-en': '', 'tip-ja-url': '', 'tip-nee-nl': 'Doe mee met de Week.', 'tip-nee-en': '', 'tip-nee-url': 'https://www.eentegeneenzaamheid.nl/week' };

  it('per option: text and web address; all empty removes the tip', () => {
    const { qn } = shipped();
    const after = valid(editTips(qn, 'week_tegen_eenzaamheid', form(base)).next).questions.find((q) => q.key === 'week_tegen_eenzaamheid')!;
    expect(after.tips).toEqual({ nee: { text: { nl: 'Doe mee met de Week.', en: 'Doe mee met de Week.' }, url: 'https://www.eentegeneenzaamheid.nl/week' } });
  });

  it('a text without a web address, or an address that is not one, is refused', () => {
    const { qn } = shipped();
    const r = editTips(qn, 'week_tegen_eenzaamheid', form({ ...base, 'tip-nee-url': '', 'tip-ja-nl': 'Goed bezig', 'tip-ja-url': 'javascript:alert(1)' }));
    expect(r.errors.map((e) => [e.field, e.key])).toEqual([['tip-ja-url', 'error.tip.urlInvalid'], ['tip-nee-url', 'error.tip.url']]);
    expect(r.next).toBeUndefined();
  });

  it('a matrix has a tip per item', () => {
    const { qn } = shipped();
    const r = editTips(qn, 'inzet_producten', form({ rev: '1', 'tip-adviseurs-nl': 'Bel uw adviseur.', 'tip-adviseurs-url': 'https://example.org/adviseurs' }));
    expect(valid(r.next).questions.find((q) => q.key === 'inzet_producten')?.tips?.adviseurs?.url).toBe('https://example.org/adviseurs');
  });
});

describe('key results', () => {
  it('adds one for a single question (several answers may count) and removes one of this question only', () => {
    const { qn } = shipped();
    const added = valid(addKeyResult(qn, 'signaleringsnetwerk', form({ rev: '1', 'kr-options': ['ja'], 'kr-text-nl': 'hebben een netwerk', 'kr-text-en': 'have a network' })).next);
    expect(added.keyResults?.at(-1)).toEqual({ question: 'signaleringsnetwerk', options: ['ja'], text: { nl: 'hebben een netwerk', en: 'have a network' } });
    const [{ index }] = keyResultsOf(added, 'signaleringsnetwerk').slice(-1);
    const removed = valid(removeKeyResult(added, 'signaleringsnetwerk', form({ kr: String(index) })).next);
    expect(removed.keyResults).toHaveLength(added.keyResults!.length - 1);
    expect(removeKeyResult(added, 'signaalpunt', form({ kr: String(index) })).errors[0].key).toBe('error.keyResult.gone');
  });

  it('a multi question counts exactly one answer; the sentence is needed', () => {
    const { qn } = shipped();
    const r = addKeyResult(qn, 'best_practices', form({ 'kr-options': ['adviseurs', 'zonmw'], 'kr-text-nl': '' }));
    expect(r.errors.map((e) => [e.field, e.key])).toEqual([['kr-options-adviseurs', 'error.keyResult.one'], ['kr-text-nl', 'error.text.empty']]);
  });
});
