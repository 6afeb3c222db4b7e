// /beheer/edities/:year/vragenlijst/:key/opties: the answer options of a single or multi question.
import { tx } from '../../../web/i18n.ts';
import type { Question, Questionnaire } from '../../questionnaire/index.ts';
import { edText } from '../questionnaire-editor.i18n.ts';
import { Crumb, type EditorBase, EditorPage, PartForm } from './editor.parts.tsx';
import { offersAbout, OptionRows } from './option-rows.views.tsx';
import { questionNumber } from './question.views.tsx';

export function QuestionOptionsPage(p: EditorBase & { qn: Questionnaire; q: Question }) {
  const l = p.lang;
  const n = questionNumber(p.qn, p.q);
  const back = `/beheer/edities/${p.year}/vragenlijst/${p.q.key}`;
  return (
    <EditorPage {...p} title={edText(l, 'options.title', { n })} problemField="opt-0-code" caption={<Crumb lang={l} year={p.year} question={{ key: p.q.key, n }} />}
      lead={<p class="lead">{tx(l, p.q.text)}</p>}>
      <PartForm lang={l} answered={p.answered} back={back} action={`${back}/opties`} session={p.session} rev={p.rev} enterSaves>
        <p>{edText(l, 'options.intro')}</p>
        <OptionRows lang={l} options={p.q.options ?? []} kind={p.q.type === 'multi' ? 'multi' : 'single'} values={p.values} errors={p.errors} blank={1} movable
          about={offersAbout(p.q.options ?? [], p.qn.themes.find((t) => t.key === p.q.theme)?.kind)} />
      </PartForm>
    </EditorPage>
  );
}
