import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadQuestionnaires, QuestionnaireError, validateQuestionnaire } from './questionnaire.load.ts';
import type { Option, Question, Questionnaire } from './questionnaire.model.ts';

const DATA = fileURLToPath(new URL('../../../data/questionnaires', import.meta.url));
const FILE = 'data/questionnaires/2022.json';
const t = (s: string) => ({ nl: s, en: `${s} (en)` });
const opt = (code: string, extra: Partial<Option> = {}): Option => ({ code, label: t(code), ...extra });
const tip = { text: t('Tip'), url: 'https://example.nl/' };

/** A small questionnaire that passes every rule; each test breaks one thing. */
function valid(edition = 2022): Questionnaire {
  return {
    edition,
    name: t('Eén tegen eenzaamheid'),
    themes: [{ key: 'netwerk', kind: 'pijler', number: 2, title: t('Sterk netwerk'), short: t('Netwerk'), intro: t('Intro') }],
    scales: { rol: [opt('trekker', { status: 'ok' }), opt('niet', { status: 'not' })] },
    questions: [
      { key: 'coalitie', theme: 'netwerk', type: 'single', text: t('Coalitie?'), options: [opt('ja'), opt('nee'), opt('anders', { other: true })], tips: { nee: tip } },
      { key: 'kartrekker', theme: 'netwerk', type: 'single', text: t('Kartrekker?'), options: [opt('ja'), opt('nee')], showIf: { question: 'coalitie', in: ['ja'] }, replaces: { key: 'trekker_oud', options: { ja: 'ja', nee: 'nee' } } },
      { key: 'partijen', theme: 'netwerk', type: 'matrix', text: t('Partijen?'), scale: 'rol', items: [opt('gemeente'), opt('welzijn')], tips: { welzijn: tip } },
      { key: 'hulp', theme: 'netwerk', type: 'multi', text: t('Hulp?'), options: [opt('a'), opt('b'), opt('geen', { exclusive: true })] },
    ],
  };
}

const q = (qn: Questionnaire, key: string): Question => {
  const found = qn.questions.find((x) => x.key === key);
  if (!found) throw new Error(`no question ${key}`);
  return found;
};

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(QuestionnaireError);
    return (e as Error).message;
  }
  throw new Error('expected a QuestionnaireError');
}

function expectProblem(change: (qn: Questionnaire) => void, ...parts: string[]): void {
  const raw = valid();
  change(raw);
  const message = messageOf(() => validateQuestionnaire(raw, FILE));
  expect(message).toContain(`${FILE}: `);
  for (const part of parts) expect(message).toContain(part);
}

describe('the real questionnaire files', () => {
  const qns = loadQuestionnaires(DATA);

  it('loads all five editions', () => {
    expect([...qns.keys()]).toEqual([2019, 2020, 2021, 2022, 2023]);
  });

  it('has financiering from 2022 on and budget_status before', () => {
    const keys = (e: number) => qns.get(e)?.questions.map((x) => x.key) ?? [];
    expect(keys(2022)).toContain('financiering');
    expect(keys(2022)).not.toContain('budget_status');
    expect(keys(2021)).toContain('budget_status');
    expect(keys(2021)).not.toContain('financiering');
  });

  it('asks samenstelling_coalitie without ggd in 2021 and with it in 2022', () => {
    const items = (e: number) => q(qns.get(e) as Questionnaire, 'samenstelling_coalitie').items?.map((i) => i.code);
    expect(items(2021)).not.toContain('ggd');
    expect(items(2022)).toContain('ggd');
  });

  it('shows kartrekker only after lokale_coalitie', () => {
    expect(q(qns.get(2022) as Questionnaire, 'kartrekker').showIf).toEqual({ question: 'lokale_coalitie', in: ['initieren', 'verkennen', 'bestendigen'] });
  });

  it('has every text in Dutch and English', () => {
    let texts = 0;
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        if ('nl' in v) {
          texts++;
          expect((v as { en?: unknown }).en, JSON.stringify(v)).toMatch(/\S/);
        }
        Object.values(v).forEach(walk);
      }
    };
    for (const qn of qns.values()) walk(qn);
    expect(texts).toBeGreaterThan(500);
  });

  it('reports a show_if to a later question with file, key and problem', () => {
    const raw = JSON.parse(readFileSync(join(DATA, '2022.json'), 'utf8')) as Questionnaire;
    const kartrekker = raw.questions.findIndex((x) => x.key === 'kartrekker');
    raw.questions.unshift(...raw.questions.splice(kartrekker, 1));
    expect(messageOf(() => validateQuestionnaire(raw, FILE))).toBe(
      `${FILE}: vraag "kartrekker": show_if verwijst naar "lokale_coalitie", die pas later in de vragenlijst komt`,
    );
  });
});

describe('validateQuestionnaire', () => {
  it('accepts the valid example', () => {
    expect(validateQuestionnaire(valid(), FILE).questions).toHaveLength(4);
  });

  it('reports shape errors under a readable key', () => {
    expectProblem((qn) => (q(qn, 'kartrekker').text.en = ''), 'vraag "kartrekker": text.en');
    expectProblem((qn) => (q(qn, 'hulp').options = [opt('Hoofdletter')]), 'vraag "hulp": options[0].code', 'alleen kleine letters');
  });

  it('says a missing or wrongly typed field in words, not "ontving undefined"', () => {
    expectProblem((qn) => delete (q(qn, 'kartrekker') as { theme?: string }).theme, 'vraag "kartrekker": theme', 'ontbreekt (hier hoort een tekst)');
    expectProblem((qn) => Object.assign(q(qn, 'hulp'), { options: 'ja' }), 'vraag "hulp": options', 'verwacht een lijst [ … ], maar dit is een tekst');
  });

  it('reports unknown fields', () => {
    expectProblem((qn) => Object.assign(q(qn, 'kartrekker'), { show_if: {} }), 'vraag "kartrekker": show_if', 'onbekend veld');
  });

  it('reports a file name that does not match the edition', () => {
    const message = messageOf(() => validateQuestionnaire(valid(), 'data/questionnaires/2021.json'));
    expect(message).toContain('data/questionnaires/2021.json: edition: editie 2022 past niet bij de bestandsnaam (2021)');
  });

  it.each<[string, (qn: Questionnaire) => void, string[]]>([
    ['duplicate theme key', (qn) => qn.themes.push({ ...qn.themes[0] }), ['thema "netwerk"', 'komt meer dan één keer voor']],
    ['duplicate question key', (qn) => qn.questions.push({ ...q(qn, 'hulp') }), ['vraag "hulp"', 'komt meer dan één keer voor']],
    ['unknown theme', (qn) => (q(qn, 'hulp').theme = 'elders'), ['vraag "hulp"', 'thema "elders" bestaat niet']],
    ['multi without options', (qn) => delete q(qn, 'hulp').options, ['vraag "hulp"', 'multi-vraag zonder antwoordopties']],
    ['single with empty options', (qn) => (q(qn, 'coalitie').options = []), ['vraag "coalitie"', 'single-vraag zonder antwoordopties']],
    ['matrix without items', (qn) => delete q(qn, 'partijen').items, ['vraag "partijen"', 'een matrix zonder items']],
    ['matrix with unknown scale', (qn) => (q(qn, 'partijen').scale = 'grootte'), ['vraag "partijen"', 'schaal "grootte" bestaat niet']],
    ['matrix with options', (qn) => (q(qn, 'partijen').options = [opt('ja')]), ['vraag "partijen"', 'geen eigen options']],
    ['duplicate option code', (qn) => q(qn, 'hulp').options?.push(opt('a')), ['vraag "hulp"', 'optie "a" komt meer dan één keer voor']],
    ['duplicate item code', (qn) => q(qn, 'partijen').items?.push(opt('welzijn')), ['vraag "partijen"', 'item "welzijn" komt meer dan één keer voor']],
    ['duplicate scale code', (qn) => qn.scales.rol?.push(opt('niet')), ['schaal "rol"', 'code "niet" komt meer dan één keer voor']],
    ['exclusive on a single question', (qn) => q(qn, 'coalitie').options?.push(opt('geen', { exclusive: true })), ['vraag "coalitie"', 'optie "geen": exclusive kan alleen bij een multi-vraag']],
    ['two other options', (qn) => q(qn, 'coalitie').options?.push(opt('overig', { other: true })), ['vraag "coalitie"', 'meer dan één "anders, namelijk"-optie (anders, overig)']],
    ['text question with options', (qn) => Object.assign(q(qn, 'hulp'), { type: 'text' }), ['vraag "hulp"', 'een open vraag (text) heeft geen options']],
    ['show_if to an unknown question', (qn) => (q(qn, 'kartrekker').showIf = { question: 'weg', in: ['ja'] }), ['vraag "kartrekker"', 'show_if verwijst naar "weg", die niet in deze vragenlijst staat']],
    ['show_if to itself', (qn) => (q(qn, 'kartrekker').showIf = { question: 'kartrekker', in: ['ja'] }), ['vraag "kartrekker"', 'show_if verwijst naar de vraag zelf']],
    ['show_if to a later question', (qn) => (q(qn, 'coalitie').showIf = { question: 'hulp', in: ['a'] }), ['vraag "coalitie"', 'show_if verwijst naar "hulp", die pas later in de vragenlijst komt']],
    ['show_if with an unknown code', (qn) => (q(qn, 'kartrekker').showIf = { question: 'coalitie', in: ['ja', 'wellicht'] }), ['vraag "kartrekker"', 'show_if: code "wellicht" is geen antwoordoptie van "coalitie"']],
    ['show_if to a matrix', (qn) => (q(qn, 'hulp').showIf = { question: 'partijen', in: ['trekker'] }), ['vraag "hulp"', 'show_if verwijst naar "partijen", een matrix-vraag']],
    ['tip for an unknown code', (qn) => (q(qn, 'hulp').tips = { c: tip }), ['vraag "hulp"', 'tip bij "c": geen optie- of itemcode van deze vraag']],
    ['replaces a question of the same edition', (qn) => ((q(qn, 'kartrekker').replaces as { key: string }).key = 'coalitie'), ['vraag "kartrekker"', 'replaces verwijst naar "coalitie", maar die vraag staat ook in deze editie']],
    ['replaces onto a missing code', (qn) => (q(qn, 'kartrekker').replaces = { key: 'trekker_oud', options: { ja: 'wellicht' } }), ['vraag "kartrekker"', 'replaces.options: "ja" wordt gekoppeld aan "wellicht", maar deze vraag heeft geen code "wellicht"']],
    ['two questions replace the same one', (qn) => (q(qn, 'hulp').replaces = { key: 'trekker_oud', options: {} }), ['vraag "hulp"', 'replaces: "trekker_oud" wordt al voortgezet door "kartrekker"']],
    ['theme without questions', (qn) => qn.themes.push({ ...qn.themes[0], key: 'leeg' }), ['thema "leeg"', 'heeft geen vragen in deze editie']],
    ['a status on some options only', (qn) => ((q(qn, 'coalitie').options as Option[])[0].status = 'ok'), ['vraag "coalitie"', 'geef elke optie een status of geen enkele (zonder status: nee, anders)']],
    ['a scale with a status on some options only', (qn) => delete qn.scales.rol[1].status, ['schaal "rol"', 'zonder status: niet']],
    ['matrix tips that can never be given', (qn) => { for (const o of qn.scales.rol) o.status = 'ok'; }, ['vraag "partijen"', 'de tips van deze matrix worden nooit gegeven']],
    ['a challenge about nothing known', (qn) => ((q(qn, 'hulp').options as Option[])[0].about = 'partijen.bakker'), ['vraag "hulp"', 'optie "a": gaat over "partijen.bakker", maar dat is geen thema, vraag of vraag.item']],
    ['a key result of an unknown question', (qn) => (qn.keyResults = [{ question: 'weg', options: ['ja'], text: t('zin') }]), ['kernresultaat 1 (vraag "weg")', 'die vraag staat niet in deze vragenlijst']],
    ['a key result with an unknown code', (qn) => (qn.keyResults = [{ question: 'coalitie', options: ['ja', 'wellicht'], text: t('zin') }]), ['kernresultaat 1 (vraag "coalitie")', 'code "wellicht" is geen antwoordoptie']],
    ['a key result adding up multi options', (qn) => (qn.keyResults = [{ question: 'hulp', options: ['a', 'b'], text: t('zin') }]), ['kernresultaat 1 (vraag "hulp")', 'precies één optie']],
    ['a key result of a matrix', (qn) => (qn.keyResults = [{ question: 'partijen', options: ['niet'], text: t('zin') }]), ['kernresultaat 1 (vraag "partijen")', 'een matrix-vraag']],
    ['two kinds of lineage', (qn) => (q(qn, 'kartrekker').continues = 'trekker_oud'), ['vraag "kartrekker"', 'kies één soort herkomst, niet continues en replaces']],
    ['a matrix that merges', (qn) => (q(qn, 'partijen').merges = [{ key: 'x', options: {} }, { key: 'y', options: {} }]), ['vraag "partijen"', 'alleen een single- of multi-vraag kan vragen samenvoegen']],
    ['a merge onto a missing code', (qn) => (q(qn, 'hulp').merges = [{ key: 'x', options: { ja: 'a' } }, { key: 'y', options: { ja: 'c' } }]), ['vraag "hulp"', 'merges (y).options: "ja" wordt gekoppeld aan "c", maar deze vraag heeft geen code "c"']],
  ])('reports %s', (_name, change, parts) => expectProblem(change, ...parts));
});

describe('loadQuestionnaires', () => {
  const dirs: string[] = [];
  afterAll(() => { for (const dir of dirs) rmSync(dir, { recursive: true, force: true }); });
  /** 2021 asks trekker_oud, which 2022's kartrekker continues. */
  function writeEditions(change2022: (qn: Questionnaire) => void = () => {}): string {
    const dir = mkdtempSync(join(tmpdir(), 'questionnaires-'));
    dirs.push(dir);
    const older = valid(2021);
    const old = q(older, 'kartrekker');
    old.key = 'trekker_oud';
    delete old.replaces;
    const newer = valid(2022);
    change2022(newer);
    writeFileSync(join(dir, '2021.json'), JSON.stringify(older));
    writeFileSync(join(dir, '2022.json'), JSON.stringify(newer));
    writeFileSync(join(dir, 'README.md'), 'not a definition');
    return dir;
  }

  it('loads a valid directory in edition order', () => {
    expect([...loadQuestionnaires(writeEditions()).keys()]).toEqual([2021, 2022]);
  });

  it('reports replaces of a question that no earlier edition asked', () => {
    const dir = writeEditions((qn) => (q(qn, 'kartrekker').replaces = { key: 'nooit', options: {} }));
    expect(messageOf(() => loadQuestionnaires(dir))).toContain(
      `${join(dir, '2022.json')}: vraag "kartrekker": replaces verwijst naar "nooit", maar die vraag staat in geen eerdere editie`,
    );
  });

  it('reports replaces of an old code that the older question did not have', () => {
    const dir = writeEditions((qn) => (q(qn, 'kartrekker').replaces = { key: 'trekker_oud', options: { misschien: 'ja' } }));
    expect(messageOf(() => loadQuestionnaires(dir))).toContain(
      `${join(dir, '2022.json')}: vraag "kartrekker": replaces.options: oude code "misschien" is geen antwoordoptie van vraag "trekker_oud" in ${join(dir, '2021.json')}`,
    );
  });

  it('follows continues and merges across editions, and names a predecessor no earlier edition asked', () => {
    const dir = writeEditions((qn) => {
      delete q(qn, 'kartrekker').replaces;
      q(qn, 'kartrekker').continues = 'trekker_oud';
      q(qn, 'hulp').merges = [{ key: 'hulp', options: { a: 'a' } }, { key: 'coalitie_oud', options: {} }];
    });
    expect(messageOf(() => loadQuestionnaires(dir))).toBe(
      `${join(dir, '2022.json')}: vraag "hulp": merges verwijst naar "coalitie_oud", maar die vraag staat in geen eerdere editie`,
    );
  });

  it('reports broken JSON and badly named files, naming each file', () => {
    const dir = writeEditions();
    writeFileSync(join(dir, '2020.json'), '{ not json');
    writeFileSync(join(dir, 'nieuw.json'), '{}');
    const message = messageOf(() => loadQuestionnaires(dir));
    expect(message).toContain(`${join(dir, '2020.json')}: (bestand): niet te lezen als JSON`);
    expect(message).toContain(`${join(dir, 'nieuw.json')}: (bestand): de bestandsnaam moet het jaar van de editie zijn`);
  });
});
