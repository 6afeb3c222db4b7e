// /beheer/edities/:year/vragenlijst/nieuwe-vraag: step one (GET) chooses the theme and the kind;
// step two asks what a question of that kind cannot be without. After a new theme's step one, its
// fields travel along as hidden fields.
import { tx } from '../../../web/i18n.ts';
import type { Questionnaire } from '../../questionnaire/index.ts';
import { eaText } from '../edition-admin.i18n.ts';
import { NEW_ROWS, QUESTION_TYPES, type QuestionType } from '../editor/question.edit.ts';
import { edText } from '../questionnaire-editor.i18n.ts';
import { Bilingual, Checkbox, Choices, Crumb, EditorPage, type EditorBase, FormHead, ReadOnly, Select, TextInput } from './editor.parts.tsx';
import { ItemRows, OptionRows } from './option-rows.views.tsx';

export type NewQuestionProps = EditorBase & {
  qn: Questionnaire;
  type?: QuestionType;
  theme?: string;
  /** The new theme's fields from its step one (`thema-…`), when the question starts a new theme. */
  newTheme?: Record<string, string>;
};

function StepOne(p: NewQuestionProps) {
  const l = p.lang;
  return (
    <form method="get" action={`/beheer/edities/${p.year}/vragenlijst/nieuwe-vraag`}>
      <Select lang={l} id="thema" label={edText(l, 'field.theme')} value={p.theme ?? ''} errors={p.errors}
        choices={p.qn.themes.map((t) => ({ value: t.key, label: tx(l, t.title) }))} />
      <Choices lang={l} name="soort" legend={edText(l, 'new.type')} checked={p.type ? [p.type] : []} errors={p.errors}
        choices={QUESTION_TYPES.map((t) => ({ value: t, label: eaText(l, `qtype.${t}`), hint: edText(l, `type.hint.${t}`) }))} />
      <div class="button-row">
        <button class="utrecht-button utrecht-button--primary-action" type="submit">{edText(l, 'next')}</button>
        <a class="button secondary utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={`/beheer/edities/${p.year}/vragenlijst`}>{eaText(l, 'confirm.cancel')}</a>
      </div>
    </form>
  );
}

function StepTwo(p: NewQuestionProps & { type: QuestionType }) {
  const l = p.lang;
  const v = p.values ?? {};
  const base = `/beheer/edities/${p.year}`;
  const theme = p.qn.themes.find((t) => t.key === p.theme);
  return (
    <form method="post" action={`${base}/vragenlijst/nieuwe-vraag`} novalidate>
      <FormHead session={p.session} rev={p.rev} />
      <input type="hidden" name="soort" value={p.type} />
      {p.newTheme ? (
        <>
          <input type="hidden" name="nieuw-thema" value="1" />
          {Object.entries(p.newTheme).map(([k, value]) => <input type="hidden" name={k} value={value} />)}
          <div class="notice">
            <p>{edText(l, 'new.inNewTheme', { title: p.newTheme['thema-title-nl'] ?? '', key: p.newTheme['thema-key'] ?? '' })}</p>
            <button type="submit" class="secondary small utrecht-button utrecht-button--secondary-action" formaction={`${base}/themas/nieuw-thema`} name="terug" value="1">{edText(l, 'new.changeTheme')}</button>
          </div>
        </>
      ) : (
        <>
          <input type="hidden" name="thema" value={p.theme ?? ''} />
          <p>{edText(l, 'new.inTheme', { theme: theme ? tx(l, theme.title) : '', type: eaText(l, `qtype.${p.type}`) })}{' '}
            <a class="utrecht-link" href={`${base}/vragenlijst/nieuwe-vraag?thema=${p.theme ?? ''}`}>{edText(l, 'new.otherType')}</a></p>
        </>
      )}
      <TextInput lang={l} id="sleutel" label={edText(l, 'new.key')} hint={edText(l, 'new.keyHint')} value={v.sleutel ?? ''} errors={p.errors} width="code" />
      <Bilingual lang={l} id="text" legend={edText(l, 'field.text')} hint={edText(l, 'field.enHint')} values={p.values} errors={p.errors} long />
      <Bilingual lang={l} id="help" legend={edText(l, 'field.help')} hint={edText(l, 'field.helpHint')} values={p.values} errors={p.errors} long optional />
      <Bilingual lang={l} id="short" legend={edText(l, 'field.short')} hint={edText(l, p.type === 'matrix' ? 'field.shortHintMatrix' : 'field.shortHint')}
        values={p.values} errors={p.errors} optional />
      <Checkbox lang={l} id="verplicht" label={edText(l, 'field.required')} hint={edText(l, 'field.requiredHint')} checked={v.verplicht === '1'} />
      <Checkbox lang={l} id="toelichting" label={edText(l, 'field.comment')} hint={edText(l, 'field.commentHint')} checked={v.toelichting === '1'} />
      {p.type === 'single' || p.type === 'multi' ? (
        <>
          <h2>{edText(l, 'new.options')}</h2>
          <p>{edText(l, 'new.optionsIntro', { n: NEW_ROWS })}</p>
          <OptionRows lang={l} options={[]} kind={p.type} values={p.values} errors={p.errors} blank={NEW_ROWS} />
        </>
      ) : null}
      {p.type === 'matrix' ? (
        <>
          <h2>{edText(l, 'new.matrix')}</h2>
          <Choices lang={l} name="schaal" legend={edText(l, 'scale.choose.legend')} hint={edText(l, 'new.scaleHint')} checked={[v.schaal ?? '']} errors={p.errors}
            choices={Object.entries(p.qn.scales).map(([name, options]) => ({ value: name, label: name, hint: options.map((o) => tx(l, o.label)).join(' · ') }))} />
          <p>{edText(l, 'new.itemsIntro', { n: NEW_ROWS })}</p>
          <ItemRows lang={l} items={[]} values={p.values} errors={p.errors} blank={NEW_ROWS} />
        </>
      ) : null}
      <div class="button-row">
        <button class="utrecht-button utrecht-button--primary-action" type="submit">{edText(l, 'new.submit')}</button>
        <a class="button secondary utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={`${base}/vragenlijst`}>{eaText(l, 'confirm.cancel')}</a>
      </div>
    </form>
  );
}

export function NewQuestionPage(p: NewQuestionProps) {
  const l = p.lang;
  const ready = p.type && QUESTION_TYPES.includes(p.type) && (p.newTheme || p.qn.themes.some((t) => t.key === p.theme));
  return (
    <EditorPage {...p} title={edText(l, p.newTheme ? 'new.titleFirst' : 'new.title')} problemField={ready ? 'sleutel' : 'thema'} caption={<Crumb lang={l} year={p.year} />}>
      {p.answered > 0 ? <ReadOnly lang={l} back={`/beheer/edities/${p.year}/vragenlijst`} />
        : ready ? <StepTwo {...p} type={p.type as QuestionType} /> : <StepOne {...p} />}
    </EditorPage>
  );
}
