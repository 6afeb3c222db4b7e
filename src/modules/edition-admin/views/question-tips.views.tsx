// /beheer/edities/:year/vragenlijst/:key/tips: a tip (Dutch, English, web address) per option, or
// per item of a matrix, for the municipality's web report.
import { tx } from '../../../web/i18n.ts';
import type { Question, Questionnaire } from '../../questionnaire/index.ts';
import { tipTargets } from '../editor/conditions.edit.ts';
import { edText } from '../questionnaire-editor.i18n.ts';
import { Bilingual, Crumb, type EditorBase, EditorPage, PartForm, TextInput } from './editor.parts.tsx';
import { questionNumber } from './question.views.tsx';

export function TipsPage(p: EditorBase & { qn: Questionnaire; q: Question }) {
  const l = p.lang;
  const n = questionNumber(p.qn, p.q);
  const back = `/beheer/edities/${p.year}/vragenlijst/${p.q.key}`;
  const targets = tipTargets(p.q, p.qn);
  return (
    <EditorPage {...p} title={edText(l, 'tips.title', { n })} problemField={targets[0] ? `tip-${targets[0].code}-nl` : 'terug'}
      caption={<Crumb lang={l} year={p.year} question={{ key: p.q.key, n }} />} lead={<p class="lead">{tx(l, p.q.text)}</p>}>
      <p>{edText(l, p.q.type === 'matrix' ? 'tips.introMatrix' : 'tips.intro')}</p>
      <PartForm lang={l} answered={p.answered} back={back} action={`${back}/tips`} session={p.session} rev={p.rev}>
        {targets.map((t) => {
          const tip = p.q.tips?.[t.code];
          return (
            <div class="editor-row">
              <h2 class="h3">{edText(l, p.q.type === 'matrix' ? 'tips.forItem' : 'tips.forOption', { label: tx(l, t.label), code: t.code })}</h2>
              <Bilingual lang={l} id={`tip-${t.code}`} legend={edText(l, 'tips.text')} current={tip?.text} values={p.values} errors={p.errors} long optional />
              <TextInput lang={l} id={`tip-${t.code}-url`} label={edText(l, 'tips.url')} hint={edText(l, 'tips.urlHint')}
                value={p.values?.[`tip-${t.code}-url`] ?? tip?.url ?? ''} errors={p.errors} width="url" />
            </div>
          );
        })}
      </PartForm>
    </EditorPage>
  );
}
