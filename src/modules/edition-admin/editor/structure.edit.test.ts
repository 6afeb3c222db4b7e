// Themes and question order; a new question and a new theme; the question's own fields.
import { describe, expect, it } from 'vitest';
import { addQuestion, checkNewTheme, editQuestion } from './question.edit.ts';
import { changeTheme, editTheme, moveQuestion, moveTheme, removeTheme } from './structure.edit.ts';
import { form, shipped, valid } from './test-helpers.ts';

const keys = (qn: ReturnType<typeof shipped>['qn']) => qn.questions.map((q) => q.key);

describe('order of themes and questions', () => {
  it('moving a theme moves its questions along, so numbers follow the pages', () => {
    const { qn } = shipped();
    const moved = valid(moveTheme(qn, 'doorbreken', -1));
    expect(moved.themes.slice(0, 2).map((t) => t.key)).toEqual(['doorbreken', 'signaleren']);
    expect(keys(moved)[0]).toBe('inzet_producten');
    expect(moveTheme(qn, 'signaleren', -1).themes).toEqual(qn.themes); // the first stays first
  });

  it('moves a question within its theme, never past it', () => {
    const { qn } = shipped();
    const down = moveQuestion(qn, 'week_tegen_eenzaamheid', 1);
    expect(keys(valid(down)).slice(0, 2)).toEqual(['communicatiemateriaal', 'week_tegen_eenzaamheid']);
    expect(moveQuestion(qn, 'signaleringsnetwerk', 1)).toEqual(qn); // last of its theme
  });

  it('a question moved to another theme comes last there; a show_if that then points forward is a problem', () => {
    const { qn } = shipped();
    const moved = valid(changeTheme(qn, 'signaalpunt', 'bestuurlijk_commitment'));
    const inTheme = moved.questions.filter((q) => q.theme === 'bestuurlijk_commitment').map((q) => q.key);
    expect(inTheme.at(-1)).toBe('signaalpunt');
    expect(() => valid(changeTheme(qn, 'lokale_coalitie', 'actualiteit'))).toThrow(/show_if verwijst naar "lokale_coalitie", die pas later/);
  });

  it('removing a theme removes its questions and their key results; a challenge option about it stops that', () => {
    const { qn } = shipped();
    const gone = removeTheme(qn, 'signaleren');
    expect(gone.themes.some((t) => t.key === 'signaleren')).toBe(false);
    expect(gone.questions.some((q) => q.theme === 'signaleren')).toBe(false);
    expect(gone.keyResults?.some((k) => k.question === 'signaalpunt')).toBe(false);
    expect(() => valid(gone)).toThrow(/optie "signaleren": gaat over "signaleren", maar dat is geen thema/);
    expect(valid(removeTheme(qn, 'actualiteit')).questions.some((q) => q.key === 'doelgroepen')).toBe(false);
  });

  it('changes a theme\'s fields, checking kind and number', () => {
    const { qn } = shipped();
    const base = { rev: '1', kind: 'pijler', number: '7', 'title-nl': 'Sterk netwerk', 'title-en': '', 'short-nl': 'Netwerk', 'short-en': 'Network', 'intro-nl': 'Intro', 'intro-en': 'Intro' };
    const r = editTheme(qn, 'sterk_netwerk', form(base));
    const t = valid(r.next).themes.find((x) => x.key === 'sterk_netwerk');
    expect(t).toMatchObject({ key: 'sterk_netwerk', kind: 'pijler', number: 7, title: { nl: 'Sterk netwerk', en: 'Sterk netwerk' } });
    const bad = editTheme(qn, 'sterk_netwerk', form({ ...base, kind: 'hoofdstuk', number: 'twee' }));
    expect(bad.errors.map((e) => [e.field, e.key])).toEqual([['kind-actielijn', 'error.theme.kind'], ['number', 'error.int']]);
  });
});

describe('a new question', () => {
  const multi = {
    rev: '1', soort: 'multi', thema: 'signaleren', sleutel: 'signaal_kanalen', 'text-nl': 'Via welke kanalen komen signalen binnen?', 'text-en': 'Through which channels do signals come in?',
    rijen: '4', 'opt-0-was': '', 'opt-0-code': 'telefoon', 'opt-0-label-nl': 'Telefoon', 'opt-1-was': '', 'opt-1-code': 'anders', 'opt-1-label-nl': 'Anders, namelijk',
    'opt-1-other': '1', 'opt-2-was': '', 'opt-3-was': '',
  };

  it('a multi question with "Anders" comes last in its theme', () => {
    const { qn, others } = shipped();
    const r = addQuestion(qn, others, form(multi));
    expect(r.errors).toEqual([]);
    const after = valid(r.next);
    const q = after.questions.find((x) => x.key === 'signaal_kanalen');
    expect(q).toEqual({
      key: 'signaal_kanalen', theme: 'signaleren', type: 'multi', text: { nl: 'Via welke kanalen komen signalen binnen?', en: 'Through which channels do signals come in?' },
      options: [{ code: 'telefoon', label: { nl: 'Telefoon', en: 'Telefoon' } }, { code: 'anders', label: { nl: 'Anders, namelijk', en: 'Anders, namelijk' }, other: true }],
    });
    expect(after.questions.filter((x) => x.theme === 'signaleren').at(-1)?.key).toBe('signaal_kanalen');
  });

  it('refuses a key of this or an earlier edition, no options, and an unknown theme', () => {
    const { qn, others } = shipped();
    const taken = addQuestion(qn, others, form({ ...multi, sleutel: 'signaalpunt' }));
    expect(taken.errors.map((e) => e.key)).toEqual(['error.code.taken']);
    // A key only 2019-2022 had: the same key would mean the same question in the trends.
    const oldKey = others.flatMap((o) => o.questions.map((q) => q.key)).find((k) => !qn.questions.some((q) => q.key === k))!;
    const earlier = addQuestion(qn, others, form({ ...multi, sleutel: oldKey }));
    expect(earlier.errors[0]).toMatchObject({ field: 'sleutel', key: 'error.key.earlier' });
    const empty = addQuestion(qn, others, form({ ...multi, thema: 'bestaat_niet', 'opt-0-code': '', 'opt-0-label-nl': '', 'opt-1-code': '', 'opt-1-label-nl': '', 'opt-1-other': '' }));
    expect(empty.errors.map((e) => [e.field, e.key])).toEqual([['thema', 'error.theme.choose'], ['opt-0-code', 'error.options.none']]);
  });

  it('a matrix needs a scale and an item; a text question nothing more', () => {
    const { qn, others } = shipped();
    const matrix = addQuestion(qn, others, form({ rev: '1', soort: 'matrix', thema: 'sterk_netwerk', sleutel: 'partners', 'text-nl': 'Welke partners?', schaal: 'rol', rijen: '2', 'item-0-was': '', 'item-0-code': 'bibliotheek', 'item-0-label-nl': 'Bibliotheek', 'item-1-was': '' }));
    expect(valid(matrix.next).questions.find((q) => q.key === 'partners')).toMatchObject({ type: 'matrix', scale: 'rol', items: [{ code: 'bibliotheek' }] });
    const open = addQuestion(qn, others, form({ rev: '1', soort: 'text', thema: 'uitdagingen', sleutel: 'opmerkingen', 'text-nl': 'Opmerkingen?', verplicht: '1' }));
    expect(valid(open.next).questions.find((q) => q.key === 'opmerkingen')).toEqual({ key: 'opmerkingen', theme: 'uitdagingen', type: 'text', text: { nl: 'Opmerkingen?', en: 'Opmerkingen?' }, required: true });
  });

  it('a new theme is checked first and saved together with its first question', () => {
    const { qn, others } = shipped();
    const theme = { 'thema-key': 'digitaal', 'thema-kind': 'actualiteit', 'thema-title-nl': 'Digitale inclusie', 'thema-short-nl': 'Digitaal', 'thema-intro-nl': 'Over digitale contacten.' };
    expect(checkNewTheme(qn, form({ ...theme, 'thema-key': 'signaleren', soort: 'text' })).errors.map((e) => e.key)).toEqual(['error.code.taken']);
    expect(checkNewTheme(qn, form({ ...theme, soort: 'text' })).next?.key).toBe('digitaal');
    const r = addQuestion(qn, others, form({ ...theme, rev: '1', soort: 'text', sleutel: 'digitaal_contact', 'text-nl': 'Hoe?' }), true);
    const after = valid(r.next);
    expect(after.themes.at(-1)?.key).toBe('digitaal');
    expect(after.questions.at(-1)).toMatchObject({ key: 'digitaal_contact', theme: 'digitaal' });
  });
});

describe('a question\'s own fields', () => {
  const fields = { rev: '1', 'text-nl': 'Maakt uw gemeente gebruik van best practices?', 'text-en': '', 'help-nl': 'Bijvoorbeeld uit een databank.', 'help-en': 'For example from a database.', 'short-nl': '', 'short-en': '', thema: 'duurzame_aanpak', soort: 'multi', verplicht: '1' };

  it('saves wording, help, required; an empty short label is left out; the toelichting switch follows the checkbox', () => {
    const { qn } = shipped();
    const after = valid(editQuestion(qn, 'best_practices', form(fields)).next).questions.find((q) => q.key === 'best_practices')!;
    expect(after).toMatchObject({ text: { nl: fields['text-nl'], en: fields['text-nl'] }, help: { nl: 'Bijvoorbeeld uit een databank.', en: 'For example from a database.' }, required: true });
    expect(after.short).toBeUndefined();
    expect(after.comment).toBeUndefined();
  });

  it('multi → single drops "exclusive"; another theme moves the question (a theme left empty is a problem)', () => {
    const { qn } = shipped();
    const after = valid(editQuestion(qn, 'best_practices', form({ ...fields, soort: 'single' })).next);
    const q = after.questions.find((x) => x.key === 'best_practices')!;
    expect(q.type).toBe('single');
    expect(q.options?.some((o) => o.exclusive)).toBe(false);
    expect(() => valid(editQuestion(qn, 'best_practices', form({ ...fields, thema: 'monitoring_evaluatie' })).next)).toThrow(/thema "duurzame_aanpak": heeft geen vragen/);
  });

  it('an empty Dutch text is refused while English is given', () => {
    const { qn } = shipped();
    const r = editQuestion(qn, 'best_practices', form({ ...fields, 'text-nl': '  ', 'text-en': 'Best practices?' }));
    expect(r.errors).toEqual([{ field: 'text-nl', key: 'error.text.empty', part: { key: 'part.text' }, params: undefined }]);
  });
});
