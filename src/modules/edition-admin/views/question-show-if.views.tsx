// /beheer/edities/:year/vragenlijst/:key/voorwaarde: show_if in two steps without JavaScript: first
// the earlier question it depends on (a GET form), then the answers that show this question.
import { tx } from '../../../web/i18n.ts';
import { answerOptions, type Question, type Questionnaire } from '../../questionnaire/index.ts';
import { eaText } from '../edition-admin.i18n.ts';
import { showIfSources } from '../editor/question.edit.ts';
import { edText } from '../questionnaire-editor.i18n.ts';
import { Choices, Crumb, EditorPage, type EditorBase, FormHead, ReadOnly, Select } from './editor.parts.tsx';
import { questionNumber } from './question.views.tsx';

/** `source`: the question chosen in step one ('' = always shown; undefined = not chosen yet). */
export function ShowIfPage(p: EditorBase & { qn: Questionnaire; q: Question; source?: string }) {
  const l = p.lang;
  const n = questionNumber(p.qn, p.q);
  const back = `/beheer/edities/${p.year}/vragenlijst/${p.q.key}`;
  const sources = showIfSources(p.qn, p.q.key);
  const chosen = p.source ?? p.q.showIf?.question;
  const from = sources.find((x) => x.key === chosen);
  const current = p.q.showIf && p.qn.questions.find((x) => x.key === p.q.showIf?.question);
  const checked = p.values?.in !== undefined ? p.values.in.split(' ') : p.q.showIf?.question === from?.key ? (p.q.showIf?.in ?? []) : [];
  return (
    <EditorPage {...p} title={edText(l, 'showIf.title', { n })} problemField="vraag" caption={<Crumb lang={l} year={p.year} question={{ key: p.q.key, n }} />}
      lead={<p class="lead">{tx(l, p.q.text)}</p>}>
      <p>{current && p.q.showIf ? edText(l, 'showIf.now', { text: edText(l, 'showIf.sum', { n: questionNumber(p.qn, current), question: tx(l, current.text), options: p.q.showIf.in.join(', ') }) }) : edText(l, 'showIf.nowAlways')}</p>
      {p.answered > 0 ? <ReadOnly lang={l} back={back} /> : (
        <>
          <form method="get" action={`${back}/voorwaarde`}>
            <Select lang={l} id="vraag" label={edText(l, 'showIf.question')} hint={edText(l, sources.length ? 'showIf.questionHint' : 'showIf.noSources')}
              value={chosen ?? ''} errors={p.errors}
              choices={[{ value: '', label: edText(l, 'showIf.always') }, ...sources.map((s) => ({ value: s.key, label: `${questionNumber(p.qn, s)}. ${tx(l, s.text)} (${s.key})` }))]} />
            <div class="button-row"><button type="submit" class="secondary utrecht-button utrecht-button--secondary-action">{edText(l, 'next')}</button></div>
          </form>
          {p.source !== undefined || from ? (
            <form method="post" action={`${back}/voorwaarde`} novalidate>
              <FormHead session={p.session} rev={p.rev} />
              <input type="hidden" name="vraag" value={from?.key ?? ''} />
              {from ? (
                <Choices lang={l} name="in" multiple legend={edText(l, 'showIf.options', { question: tx(l, from.text) })} hint={edText(l, 'showIf.optionsHint')}
                  checked={checked} errors={p.errors} choices={answerOptions(from, p.qn).map((o) => ({ value: o.code, label: `${tx(l, o.label)} (${o.code})` }))} />
              ) : <p>{edText(l, 'showIf.removeNote')}</p>}
              <div class="button-row">
                <button class="utrecht-button utrecht-button--primary-action" type="submit">{edText(l, 'save')}</button>
                <a class="button secondary utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={back}>{eaText(l, 'confirm.cancel')}</a>
              </div>
            </form>
          ) : null}
        </>
      )}
    </EditorPage>
  );
}
