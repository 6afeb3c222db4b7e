// /beheer/edities/:year/vragenlijst/:key/herkomst: lineage in steps without JavaScript: the kind
// (GET), the earlier question(s) (GET), then per predecessor a select per old code (POST).
import { tx } from '../../../web/i18n.ts';
import { answerOptions, type Lang, type Question, type Questionnaire } from '../../questionnaire/index.ts';
import { eaText } from '../edition-admin.i18n.ts';
import { type EarlierQuestion, LINEAGE_KINDS, type LineageKind, lineageKind, suggestedMapping } from '../editor/lineage.edit.ts';
import { edText } from '../questionnaire-editor.i18n.ts';
import { Choices, Crumb, EditorPage, type EditorBase, FormHead, ReadOnly, Select } from './editor.parts.tsx';
import { questionNumber } from './question.views.tsx';

export type LineageStep = { kind?: LineageKind; keys: string[] };
type Props = EditorBase & { qn: Questionnaire; q: Question; earlier: EarlierQuestion[]; step: LineageStep };

const editions = (e: EarlierQuestion) => (e.editions.length > 1 ? `${e.editions[0]}–${e.editions.at(-1)}` : String(e.editions[0]));
const describe = (l: Lang, e: EarlierQuestion) => `${e.key} — ${tx(l, e.text)} (${editions(e)})`;

function Buttons(p: { lang: Lang; back: string; label: string }) {
  return (
    <div class="button-row">
      <button class="utrecht-button utrecht-button--primary-action" type="submit">{p.label}</button>
      <a class="button secondary utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={p.back}>{eaText(p.lang, 'confirm.cancel')}</a>
    </div>
  );
}

/** Step two for replaces and merges: which earlier question(s). */
function ChooseKeys(p: Props & { base: string; kind: 'replaces' | 'merges' | 'continues' }) {
  const l = p.lang;
  const current = p.step.keys.length ? p.step.keys : p.q.continues ? [p.q.continues] : p.q.replaces ? [p.q.replaces.key] : (p.q.merges ?? []).map((m) => m.key);
  const preset = current.length ? current : p.earlier.some((e) => e.key === p.q.key) ? [p.q.key] : [];
  const post = p.kind === 'continues';
  return (
    <form method={post ? 'post' : 'get'} action={`${p.base}/herkomst`} novalidate>
      {post ? <FormHead session={p.session} rev={p.rev} /> : null}
      <input type="hidden" name="soort" value={p.kind} />
      {p.kind === 'merges' ? (
        <Choices lang={l} name="van" multiple legend={edText(l, 'lineage.keys')} hint={edText(l, 'lineage.keysHint')} checked={preset} errors={p.errors}
          choices={p.earlier.map((e) => ({ value: e.key, label: describe(l, e) }))} />
      ) : (
        <Select lang={l} id="van" label={edText(l, 'lineage.key')} hint={edText(l, `lineage.keyHint.${p.kind}`)} value={preset[0] ?? ''} errors={p.errors}
          choices={[{ value: '', label: edText(l, 'lineage.pick') }, ...p.earlier.map((e) => ({ value: e.key, label: describe(l, e) }))]} />
      )}
      <Buttons lang={l} back={`${p.base}/herkomst`} label={edText(l, post ? 'save' : 'next')} />
    </form>
  );
}

/** Step three: per predecessor a select per old code. */
function Mapping(p: Props & { base: string; from: EarlierQuestion[] }) {
  const l = p.lang;
  const ours = answerOptions(p.q, p.qn);
  return (
    <form method="post" action={`${p.base}/herkomst`} novalidate>
      <FormHead session={p.session} rev={p.rev} />
      <input type="hidden" name="soort" value={p.step.kind} />
      {p.from.map((f) => <input type="hidden" name="van" value={f.key} />)}
      <p>{edText(l, 'lineage.mappingIntro')} <a class="utrecht-link" href={`${p.base}/herkomst?soort=${p.step.kind}`}>{edText(l, 'lineage.otherKeys')}</a></p>
      {p.from.map((f, n) => {
        const suggested = suggestedMapping(p.q, p.qn, f);
        return (
          <fieldset class="editor-row">
            <legend>{edText(l, 'lineage.codesOf', { key: f.key, editions: editions(f) })}</legend>
            <p class="hint">{tx(l, f.text)}</p>
            {f.codes.length ? f.codes.map((c) => (
              <Select lang={l} id={`map-${n}-${c.code}`} label={edText(l, 'lineage.oldCode', { label: tx(l, c.label), code: c.code })}
                value={p.values?.[`map-${n}-${c.code}`] ?? suggested[c.code] ?? ''} errors={p.errors}
                choices={[{ value: '', label: edText(l, 'lineage.none') }, ...ours.map((o) => ({ value: o.code, label: `${tx(l, o.label)} (${o.code})` }))]} />
            )) : <p>{edText(l, 'lineage.noCodes')}</p>}
          </fieldset>
        );
      })}
      <Buttons lang={l} back={`${p.base}/herkomst`} label={edText(l, 'save')} />
    </form>
  );
}

export function LineagePage(p: Props) {
  const l = p.lang;
  const n = questionNumber(p.qn, p.q);
  const base = `/beheer/edities/${p.year}/vragenlijst/${p.q.key}`;
  const kind = p.step.kind;
  const from = p.step.keys.map((k) => p.earlier.find((e) => e.key === k)).filter((e): e is EarlierQuestion => !!e);
  const keysChosen = from.length > 0 && from.length === p.step.keys.length && (kind === 'merges' ? from.length >= 2 : from.length === 1);
  const kinds = p.q.type === 'single' || p.q.type === 'multi' ? LINEAGE_KINDS : LINEAGE_KINDS.filter((k) => k !== 'merges');
  return (
    <EditorPage {...p} title={edText(l, 'lineage.title', { n })} problemField="soort-none" caption={<Crumb lang={l} year={p.year} question={{ key: p.q.key, n }} />}
      lead={<p class="lead">{tx(l, p.q.text)}</p>}>
      <p>{edText(l, 'lineage.intro')}</p>
      {p.answered > 0 ? <ReadOnly lang={l} back={base} /> : !kind ? (
        <form method="get" action={`${base}/herkomst`}>
          <Choices lang={l} name="soort" legend={edText(l, 'lineage.kind')} checked={[lineageKind(p.q)]} errors={p.errors}
            choices={kinds.map((k) => ({ value: k, label: edText(l, `lineage.kind.${k}`), hint: edText(l, `lineage.kindHint.${k}`) }))} />
          <Buttons lang={l} back={base} label={edText(l, 'next')} />
        </form>
      ) : kind === 'none' ? (
        <form method="post" action={`${base}/herkomst`}>
          <FormHead session={p.session} rev={p.rev} />
          <input type="hidden" name="soort" value="none" />
          <p>{edText(l, 'lineage.noneNote')}</p>
          <Buttons lang={l} back={`${base}/herkomst`} label={edText(l, 'save')} />
        </form>
      ) : kind === 'continues' || !keysChosen ? (
        <ChooseKeys {...p} base={base} kind={kind} />
      ) : (
        <Mapping {...p} base={base} from={from} />
      )}
    </EditorPage>
  );
}
