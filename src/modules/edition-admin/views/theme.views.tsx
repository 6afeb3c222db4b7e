// Themes: /beheer/edities/:year/themas/:theme (change one) and …/themas/nieuw-thema (step one of a
// new theme; step two asks for its first question, since a theme cannot be without questions).
import { tx } from '../../../web/i18n.ts';
import type { Lang, Questionnaire, Theme } from '../../questionnaire/index.ts';
import { eaText } from '../edition-admin.i18n.ts';
import type { EditError, Values } from '../editor/form.edit.ts';
import { QUESTION_TYPES } from '../editor/question.edit.ts';
import { THEME_KINDS } from '../editor/structure.edit.ts';
import { edText } from '../questionnaire-editor.i18n.ts';
import { Bilingual, Choices, Crumb, EditorPage, type EditorBase, FormHead, ReadOnly, TextInput } from './editor.parts.tsx';
import { themeHeading } from './questionnaire.views.tsx';

/** A theme's fields, named `<prefix>key` (only for a new theme), `<prefix>kind`, … */
export function ThemeFields(p: { lang: Lang; theme?: Theme; prefix: string; values?: Values; errors?: EditError[] }) {
  const l = p.lang;
  const v = p.values ?? {};
  const f = (name: string) => `${p.prefix}${name}`;
  return (
    <>
      {p.theme ? null : (
        <TextInput lang={l} id={f('key')} label={edText(l, 'theme.key')} hint={edText(l, 'theme.keyHint')} value={v[f('key')] ?? ''} errors={p.errors} width="code" />
      )}
      <Choices lang={l} name={f('kind')} legend={edText(l, 'theme.kind')} checked={[v[f('kind')] ?? p.theme?.kind ?? '']} errors={p.errors}
        choices={THEME_KINDS.map((k) => ({ value: k, label: edText(l, `kind.${k}`), hint: edText(l, `kindHint.${k}`) }))} />
      <TextInput lang={l} id={f('number')} label={`${edText(l, 'theme.number')} ${edText(l, 'optional')}`} hint={edText(l, 'theme.numberHint')}
        value={v[f('number')] ?? (p.theme?.number === undefined ? '' : String(p.theme.number))} errors={p.errors} width="number" />
      <Bilingual lang={l} id={f('title')} legend={edText(l, 'theme.title')} hint={edText(l, 'field.enHint')} current={p.theme?.title} values={p.values} errors={p.errors} />
      <Bilingual lang={l} id={f('short')} legend={edText(l, 'theme.short')} hint={edText(l, 'theme.shortHint')} current={p.theme?.short} values={p.values} errors={p.errors} />
      <Bilingual lang={l} id={f('intro')} legend={edText(l, 'theme.intro')} hint={edText(l, 'theme.introHint')} current={p.theme?.intro} values={p.values} errors={p.errors} long />
    </>
  );
}

export function ThemePage(p: EditorBase & { qn: Questionnaire; theme: Theme }) {
  const l = p.lang;
  const base = `/beheer/edities/${p.year}`;
  const questions = p.qn.questions.filter((q) => q.theme === p.theme.key);
  return (
    <EditorPage {...p} title={edText(l, 'theme.pageTitle', { title: themeHeading(l, p.theme) })} problemField="title-nl" caption={<Crumb lang={l} year={p.year} />}
      lead={<p class="muted">{edText(l, 'overview.themeKey', { key: p.theme.key })}</p>}>
      <p class="action-row">
        <a class="utrecht-link" href={`${base}/themas/${p.theme.key}/voorbeeld`}>{edText(l, 'preview.themeLink')}</a>
        {p.answered === 0 ? <a class="utrecht-link" href={`${base}/themas/${p.theme.key}/verwijderen`}>{edText(l, 'theme.remove')}</a> : null}
      </p>
      <h2>{edText(l, 'theme.questions', { n: questions.length })}</h2>
      <ol>{questions.map((q) => <li value={p.qn.questions.indexOf(q) + 1}><a class="utrecht-link" href={`${base}/vragenlijst/${q.key}`}>{tx(l, q.text)}</a></li>)}</ol>
      {p.answered > 0 ? <ReadOnly lang={l} back={`${base}/vragenlijst`} /> : (
        <>
          <p><a class="utrecht-link" href={`${base}/vragenlijst/nieuwe-vraag?thema=${p.theme.key}`}>{edText(l, 'overview.addQuestion', { theme: tx(l, p.theme.short) })}</a></p>
          <h2>{edText(l, 'theme.fields')}</h2>
          <form method="post" action={`${base}/themas/${p.theme.key}`} novalidate>
            <FormHead session={p.session} rev={p.rev} />
            <ThemeFields lang={l} theme={p.theme} prefix="" values={p.values} errors={p.errors} />
            <div class="button-row">
              <button class="utrecht-button utrecht-button--primary-action" type="submit">{edText(l, 'save')}</button>
              <a class="button secondary utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={`${base}/vragenlijst#thema-${p.theme.key}`}>{eaText(l, 'confirm.cancel')}</a>
            </div>
          </form>
        </>
      )}
    </EditorPage>
  );
}

/** Step one of a new theme: its fields and the kind of its first question. */
export function NewThemePage(p: EditorBase & { qn: Questionnaire }) {
  const l = p.lang;
  const base = `/beheer/edities/${p.year}`;
  return (
    <EditorPage {...p} title={edText(l, 'theme.newTitle')} problemField="thema-key" caption={<Crumb lang={l} year={p.year} />}
      lead={<p>{edText(l, 'theme.newIntro')}</p>}>
      {p.answered > 0 ? <ReadOnly lang={l} back={`${base}/vragenlijst`} /> : (
        <form method="post" action={`${base}/themas/nieuw-thema`} novalidate>
          <FormHead session={p.session} rev={p.rev} />
          <ThemeFields lang={l} prefix="thema-" values={p.values} errors={p.errors} />
          <Choices lang={l} name="soort" legend={edText(l, 'theme.firstType')} checked={[p.values?.soort ?? '']} errors={p.errors}
            choices={QUESTION_TYPES.map((t) => ({ value: t, label: eaText(l, `qtype.${t}`), hint: edText(l, `type.hint.${t}`) }))} />
          <div class="button-row">
            <button class="utrecht-button utrecht-button--primary-action" type="submit">{edText(l, 'theme.toQuestion')}</button>
            <a class="button secondary utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={`${base}/vragenlijst`}>{eaText(l, 'confirm.cancel')}</a>
          </div>
        </form>
      )}
    </EditorPage>
  );
}
