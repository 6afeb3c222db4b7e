// A matrix question's items (/onderdelen) and the scale they are answered on (/schaal): choose a
// shared scale, or make a new one.
import { tx } from '../../../web/i18n.ts';
import type { Question, Questionnaire } from '../../questionnaire/index.ts';
import { eaText } from '../edition-admin.i18n.ts';
import { NEW_SCALE_ROWS, scaleUsers } from '../editor/items.edit.ts';
import { edText } from '../questionnaire-editor.i18n.ts';
import { Choices, Crumb, type EditorBase, EditorPage, FormHead, PartForm, ReadOnly, TextInput } from './editor.parts.tsx';
import { ItemRows, OptionRows } from './option-rows.views.tsx';
import { questionNumber } from './question.views.tsx';

type Props = EditorBase & { qn: Questionnaire; q: Question };

export function QuestionItemsPage(p: Props) {
  const l = p.lang;
  const n = questionNumber(p.qn, p.q);
  const back = `/beheer/edities/${p.year}/vragenlijst/${p.q.key}`;
  return (
    <EditorPage {...p} title={edText(l, 'items.title', { n })} problemField="item-0-code" caption={<Crumb lang={l} year={p.year} question={{ key: p.q.key, n }} />}
      lead={<p class="lead">{tx(l, p.q.text)}</p>}>
      <PartForm lang={l} answered={p.answered} back={back} action={`${back}/onderdelen`} session={p.session} rev={p.rev} enterSaves>
        <p>{edText(l, 'items.intro')}</p>
        <ItemRows lang={l} items={p.q.items ?? []} values={p.values} errors={p.errors} blank={1} movable />
      </PartForm>
    </EditorPage>
  );
}

export function QuestionScalePage(p: Props) {
  const l = p.lang;
  const n = questionNumber(p.qn, p.q);
  const back = `/beheer/edities/${p.year}/vragenlijst/${p.q.key}`;
  const v = p.values ?? {};
  const making = v.actie === 'nieuw';
  return (
    <EditorPage {...p} title={edText(l, 'scale.choose.title', { n })} problemField={making ? 'naam' : 'schaal'}
      caption={<Crumb lang={l} year={p.year} question={{ key: p.q.key, n }} />} lead={<p class="lead">{tx(l, p.q.text)}</p>}>
      {p.answered > 0 ? <ReadOnly lang={l} back={back} /> : (
        <>
          <form method="post" action={`${back}/schaal`} novalidate>
            <FormHead session={p.session} rev={p.rev} />
            <Choices lang={l} name="schaal" legend={edText(l, 'scale.choose.legend')} hint={edText(l, 'scale.choose.hint')}
              checked={[making ? (p.q.scale ?? '') : (v.schaal ?? p.q.scale ?? '')]} errors={making ? [] : p.errors}
              choices={Object.entries(p.qn.scales).map(([name, options]) => ({
                value: name, label: name,
                hint: `${options.map((o) => tx(l, o.label)).join(' · ')} — ${edText(l, 'overview.scaleUsedBy', { keys: scaleUsers(p.qn, name).map((q) => q.key).join(', ') || '–' })}`,
              }))} />
            <div class="button-row">
              <button class="utrecht-button utrecht-button--primary-action" type="submit">{edText(l, 'scale.choose.submit')}</button>
              <a class="button secondary utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={back}>{eaText(l, 'confirm.cancel')}</a>
            </div>
          </form>
          <h2>{edText(l, 'scale.new.title')}</h2>
          <p>{edText(l, 'scale.new.intro')}</p>
          <form method="post" action={`${back}/schaal`} novalidate>
            <FormHead session={p.session} rev={p.rev} />
            <input type="hidden" name="actie" value="nieuw" />
            <TextInput lang={l} id="naam" label={edText(l, 'scale.new.name')} hint={edText(l, 'scale.new.nameHint')} value={making ? (v.naam ?? '') : ''}
              errors={making ? p.errors : []} width="code" />
            <OptionRows lang={l} options={[]} kind="scale" values={making ? p.values : undefined} errors={making ? p.errors : []} blank={NEW_SCALE_ROWS} />
            <div class="button-row"><button class="utrecht-button utrecht-button--primary-action" type="submit">{edText(l, 'scale.new.submit')}</button></div>
          </form>
        </>
      )}
    </EditorPage>
  );
}
