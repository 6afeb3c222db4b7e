// Previews in the admin frame: one question, or a whole theme page, drawn by the respondent's own
// components (responses/views), read-only: the controls are disabled and there is nothing to send.
import type { Child } from 'hono/jsx';
import { tx } from '../../../web/i18n.ts';
import type { Question, Questionnaire, Theme } from '../../questionnaire/index.ts';
import { QuestionField } from '../../responses/views/question-field.tsx';
import { ThemeIntro, ThemeQuestions } from '../../responses/views/pages.tsx';
import { edText } from '../questionnaire-editor.i18n.ts';
import { Crumb, EditorPage, type EditorBase } from './editor.parts.tsx';
import { questionNumber } from './question.views.tsx';
import { themeHeading } from './questionnaire.views.tsx';

type Base = Omit<EditorBase, 'rev'> & { rev?: number; qn: Questionnaire };

function Frame(p: { lang: EditorBase['lang']; children: Child }) {
  return (
    <section class="preview" aria-labelledby="voorbeeld-titel">
      <p class="preview__label" id="voorbeeld-titel">{edText(p.lang, 'preview.label')}</p>
      <fieldset disabled class="preview__frame">
        <legend class="visually-hidden">{edText(p.lang, 'preview.readOnly')}</legend>
        {p.children}
      </fieldset>
    </section>
  );
}

export function QuestionPreviewPage(p: Base & { q: Question }) {
  const l = p.lang;
  const n = questionNumber(p.qn, p.q);
  return (
    <EditorPage {...p} rev={p.rev ?? 0} title={edText(l, 'preview.questionTitle', { n })} problemField="inhoud"
      caption={<Crumb lang={l} year={p.year} question={{ key: p.q.key, n }} />} lead={<p>{edText(l, 'preview.intro')}</p>}>
      <Frame lang={l}>
        <QuestionField q={p.q} qn={p.qn} lang={l} answer={undefined} errors={[]} number={n} preview />
      </Frame>
    </EditorPage>
  );
}

export function ThemePreviewPage(p: Base & { theme: Theme }) {
  const l = p.lang;
  const n = p.qn.themes.findIndex((t) => t.key === p.theme.key) + 1;
  return (
    <EditorPage {...p} rev={p.rev ?? 0} title={edText(l, 'preview.themeTitle', { title: themeHeading(l, p.theme) })} problemField="inhoud"
      caption={<><Crumb lang={l} year={p.year} /> · <a class="utrecht-link" href={`/beheer/edities/${p.year}/themas/${p.theme.key}`}>{tx(l, p.theme.short)}</a></>}
      lead={<p>{edText(l, 'preview.themeIntro', { n, total: p.qn.themes.length })}</p>}>
      <Frame lang={l}>
        <ThemeIntro lang={l} qn={p.qn} theme={p.theme.key} level={2} />
        <ThemeQuestions lang={l} qn={p.qn} theme={p.theme.key} answers={{}} errors={[]} preview />
      </Frame>
    </EditorPage>
  );
}
