// /beheer/edities/:year/vragenlijst/:key: one question. Its wording, help text, short label, theme,
// kind, required and toelichting on this page; a summary with links to its options (or items and
// scale), show_if, tips and lineage; its key results; preview and removal.
import { tx } from '../../../web/i18n.ts';
import { answerOptions, type Lang, type Question, type Questionnaire } from '../../questionnaire/index.ts';
import { eaText } from '../edition-admin.i18n.ts';
import { keyResultsOf } from '../editor/key-results.edit.ts';
import { lineageKind } from '../editor/lineage.edit.ts';
import { edText } from '../questionnaire-editor.i18n.ts';
import { Bilingual, Checkbox, Choices, Crumb, EditorPage, type EditorBase, FormHead, Select } from './editor.parts.tsx';
import { KeyResultsSection } from './key-results.views.tsx';

export type QuestionPageProps = EditorBase & { qn: Questionnaire; q: Question };

export function questionNumber(qn: Questionnaire, q: Question): number {
  return qn.questions.findIndex((x) => x.key === q.key) + 1;
}

function lineageSummary(l: Lang, q: Question): string {
  switch (lineageKind(q)) {
    case 'continues': return edText(l, 'lineage.sum.continues', { key: q.continues ?? '' });
    case 'replaces': return edText(l, 'lineage.sum.replaces', { key: q.replaces?.key ?? '' });
    case 'merges': return edText(l, 'lineage.sum.merges', { keys: (q.merges ?? []).map((m) => m.key).join(', ') });
    default: return edText(l, 'lineage.sum.none');
  }
}

function Summary(p: QuestionPageProps & { editable: boolean }) {
  const l = p.lang;
  const q = p.q;
  const base = `/beheer/edities/${p.year}/vragenlijst/${q.key}`;
  const options = answerOptions(q, p.qn);
  const source = q.showIf ? p.qn.questions.find((x) => x.key === q.showIf?.question) : undefined;
  const rows: { label: string; value: string; href?: string; link?: string }[] = [];
  if (q.type === 'single' || q.type === 'multi') {
    rows.push({ label: edText(l, 'summary.options'), value: options.map((o) => `${tx(l, o.label)} (${o.code})`).join(' · '), href: `${base}/opties`, link: 'summary.change' });
  }
  if (q.type === 'matrix') {
    rows.push({ label: edText(l, 'summary.items'), value: (q.items ?? []).map((i) => tx(l, i.label)).join(' · '), href: `${base}/onderdelen`, link: 'summary.change' });
    rows.push({ label: edText(l, 'summary.scale'), value: `${q.scale}: ${options.map((o) => tx(l, o.label)).join(' · ')}`, href: `${base}/schaal`, link: 'summary.change' });
  }
  rows.push({
    label: edText(l, 'summary.showIf'),
    value: q.showIf && source
      ? edText(l, 'showIf.sum', { n: questionNumber(p.qn, source), question: tx(l, source.text), options: q.showIf.in.join(', ') })
      : edText(l, 'showIf.always'),
    href: `${base}/voorwaarde`, link: 'summary.change',
  });
  if (q.type !== 'text') rows.push({ label: edText(l, 'summary.tips'), value: edText(l, 'summary.tipsCount', { n: Object.keys(q.tips ?? {}).length }), href: `${base}/tips`, link: 'summary.change' });
  rows.push({ label: edText(l, 'summary.lineage'), value: lineageSummary(l, q), href: `${base}/herkomst`, link: 'summary.change' });
  return (
    <dl class="summary editor-summary">
      {rows.map((r) => (
        <div>
          <dt>{r.label}</dt>
          <dd>{r.value}</dd>
          <dd class="summary-change">{p.editable && r.href ? <a class="utrecht-link" href={r.href}>{edText(l, 'summary.change')}<span class="visually-hidden"> {r.label}</span></a> : null}</dd>
        </div>
      ))}
    </dl>
  );
}

function MainForm(p: QuestionPageProps) {
  const l = p.lang;
  const q = p.q;
  // Values typed into this form (not the key result form below) after a refused save.
  const values = p.values && 'text-nl' in p.values ? p.values : undefined;
  const v = values ?? {};
  const checked = (name: string, current: boolean | undefined) => (values ? v[name] === '1' : !!current);
  return (
    <form method="post" action={`/beheer/edities/${p.year}/vragenlijst/${q.key}`} novalidate>
      <FormHead session={p.session} rev={p.rev} />
      <Bilingual lang={l} id="text" legend={edText(l, 'field.text')} hint={edText(l, 'field.enHint')} current={q.text} values={values} errors={p.errors} long />
      <Bilingual lang={l} id="help" legend={edText(l, 'field.help')} hint={edText(l, 'field.helpHint')} current={q.help} values={values} errors={p.errors} long optional />
      <Bilingual lang={l} id="short" legend={edText(l, 'field.short')} hint={edText(l, q.type === 'matrix' ? 'field.shortHintMatrix' : 'field.shortHint')}
        current={q.short} values={values} errors={p.errors} optional />
      <Select lang={l} id="thema" label={edText(l, 'field.theme')} hint={edText(l, 'field.themeHint')} value={v.thema ?? q.theme} errors={p.errors}
        choices={p.qn.themes.map((t) => ({ value: t.key, label: tx(l, t.title) }))} />
      {q.type === 'single' || q.type === 'multi' ? (
        <Choices lang={l} name="soort" legend={edText(l, 'field.type')} checked={[v.soort ?? q.type]} errors={p.errors}
          choices={(['single', 'multi'] as const).map((t) => ({ value: t, label: eaText(l, `qtype.${t}`), hint: edText(l, `type.hint.${t}`) }))} />
      ) : null}
      <Checkbox lang={l} id="verplicht" label={edText(l, 'field.required')} hint={edText(l, 'field.requiredHint')} checked={checked('verplicht', q.required)} />
      <Checkbox lang={l} id="toelichting" label={edText(l, 'field.comment')} hint={edText(l, 'field.commentHint')} checked={checked('toelichting', q.comment)} />
      <div class="button-row">
        <button class="utrecht-button utrecht-button--primary-action" type="submit">{edText(l, 'save')}</button>
        <a class="button secondary utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={`/beheer/edities/${p.year}/vragenlijst#vraag-${q.key}`}>{eaText(l, 'confirm.cancel')}</a>
      </div>
    </form>
  );
}

export function QuestionPage(p: QuestionPageProps) {
  const l = p.lang;
  const q = p.q;
  const editable = p.answered === 0;
  const base = `/beheer/edities/${p.year}/vragenlijst/${q.key}`;
  const n = questionNumber(p.qn, q);
  return (
    <EditorPage {...p} title={edText(l, 'question.title', { n })} problemField="text-nl" caption={<Crumb lang={l} year={p.year} />}
      lead={<><p class="lead">{tx(l, q.text)}</p><p class="muted">{edText(l, 'question.meta', { key: q.key, type: eaText(l, `qtype.${q.type}`) })}</p></>}>
      <p class="action-row">
        <a class="utrecht-link" href={`${base}/voorbeeld`}>{edText(l, 'preview.link')}</a>
        {editable ? <a class="utrecht-link" href={`${base}/verwijderen`}>{eaText(l, 'qe.remove.button')}</a> : null}
      </p>
      <h2>{edText(l, 'question.parts')}</h2>
      <Summary {...p} editable={editable} />
      {editable ? (
        <>
          <h2>{edText(l, 'question.main')}</h2>
          <MainForm {...p} />
        </>
      ) : null}
      {q.type === 'single' || q.type === 'multi' ? <KeyResultsSection {...p} results={keyResultsOf(p.qn, q.key)} editable={editable} /> : null}
    </EditorPage>
  );
}
