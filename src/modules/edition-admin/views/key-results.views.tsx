// The key results of one question, on its page: the sentences of the national summary that count
// its answers, each with a remove button, and a form to add one.
import { tx } from '../../../web/i18n.ts';
import { answerOptions, type KeyResult, type Question, type Questionnaire } from '../../questionnaire/index.ts';
import { edText } from '../questionnaire-editor.i18n.ts';
import { Bilingual, Choices, type EditorBase, FormHead } from './editor.parts.tsx';

type Props = EditorBase & { qn: Questionnaire; q: Question; results: { index: number; result: KeyResult }[]; editable: boolean };

export function KeyResultsSection(p: Props) {
  const l = p.lang;
  const action = `/beheer/edities/${p.year}/vragenlijst/${p.q.key}/kernresultaten`;
  const options = answerOptions(p.q, p.qn);
  const label = (code: string) => tx(l, options.find((o) => o.code === code)?.label ?? { nl: code, en: code });
  const chosen = p.values?.['kr-options']?.split(' ').filter(Boolean) ?? [];
  return (
    <section aria-labelledby="kernresultaten">
      <h2 id="kernresultaten" tabindex={-1}>{edText(l, 'keyResults.title')}</h2>
      <p>{edText(l, 'keyResults.intro')}</p>
      {p.results.length ? (
        <ul class="editor-list">
          {p.results.map(({ index, result }) => (
            <li>
              <p>{edText(l, 'keyResult.sentence', { text: tx(l, result.text) })}</p>
              <p class="muted">{edText(l, 'keyResults.counts', { options: result.options.map(label).join(', ') })}</p>
              {p.editable ? (
                <form method="post" action={`${action}/verwijderen`}>
                  <FormHead session={p.session} rev={p.rev} />
                  <input type="hidden" name="kr" value={String(index)} />
                  <button type="submit" class="secondary small utrecht-button utrecht-button--secondary-action">{edText(l, 'keyResults.remove')}<span class="visually-hidden">: {tx(l, result.text)}</span></button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : <p class="muted">{edText(l, 'keyResults.none')}</p>}
      {p.editable ? (
        <form method="post" action={action} novalidate>
          <FormHead session={p.session} rev={p.rev} />
          <h3>{edText(l, 'keyResults.add')}</h3>
          <Choices lang={l} name="kr-options" legend={edText(l, p.q.type === 'multi' ? 'keyResults.optionMulti' : 'keyResults.optionsSingle')}
            multiple={p.q.type === 'single'} checked={chosen} errors={p.errors} choices={options.map((o) => ({ value: o.code, label: `${tx(l, o.label)} (${o.code})` }))} />
          <Bilingual lang={l} id="kr-text" legend={edText(l, 'keyResults.text')} hint={edText(l, 'keyResults.textHint')} values={p.values} errors={p.errors} />
          <div class="button-row"><button class="utrecht-button utrecht-button--primary-action" type="submit">{edText(l, 'keyResults.submit')}</button></div>
        </form>
      ) : null}
    </section>
  );
}
