// Rows of answer options (a question's own or a shared scale's) and of matrix items, each in its own
// fieldset: code, Dutch and English side by side, and what else the row may carry. The last rows are
// empty for adding; "Omhoog"/"Omlaag" save the page and move the row.
import { tx } from '../../../web/i18n.ts';
import { type Item, type Lang, type Option, STATUSES } from '../../questionnaire/index.ts';
import type { EditError, Values } from '../editor/form.edit.ts';
import type { ListKind } from '../editor/options.edit.ts';
import { edText } from '../questionnaire-editor.i18n.ts';
import { Bilingual, Checkbox, Select, TextInput } from './editor.parts.tsx';

type RowsProps = { lang: Lang; values?: Values; errors?: EditError[]; blank: number; movable?: boolean };

/** "Gaat over" only matters for a question on challenges: offered where an option has it, or in a theme of kind "overig". */
export function offersAbout(options: readonly Option[], themeKind?: string): boolean {
  return themeKind === 'overig' || options.some((o) => o.about);
}

function MoveRow(p: { lang: Lang; i: number; count: number; what: string }) {
  const button = (dir: 'op' | 'neer') => (
    <button type="submit" name="verplaats" value={`${p.i}-${dir}`} class="secondary small utrecht-button utrecht-button--secondary-action">
      {edText(p.lang, dir === 'op' ? 'move.up' : 'move.down')}<span class="visually-hidden"> {p.what}</span>
    </button>
  );
  return <div class="action-row">{p.i > 0 ? button('op') : null}{p.i < p.count - 1 ? button('neer') : null}</div>;
}

export function OptionRows(p: RowsProps & { options: readonly Option[]; kind: ListKind; about?: boolean }) {
  const l = p.lang;
  const v = p.values ?? {};
  const rows = [...p.options.map((o) => ({ o })), ...Array.from({ length: p.blank }, () => ({ o: undefined }))];
  const checked = (name: string, current: boolean | undefined) => (p.values ? v[name] === '1' : !!current);
  return (
    <>
      <input type="hidden" name="rijen" value={String(rows.length)} />
      {rows.map(({ o }, i) => {
        const f = (name: string) => `opt-${i}-${name}`;
        const legend = o ? edText(l, 'options.legend', { n: i + 1, label: tx(l, o.label), code: o.code })
          : p.options.length ? edText(l, 'options.new') : edText(l, 'options.newN', { n: i + 1 });
        return (
          <fieldset class="editor-row">
            <legend>{legend}</legend>
            {o ? null : <p class="hint">{edText(l, 'options.newHint')}</p>}
            <input type="hidden" name={f('was')} value={o?.code ?? ''} />
            <TextInput lang={l} id={f('code')} label={edText(l, 'field.code')} value={v[f('code')] ?? o?.code ?? ''} errors={p.errors} width="code" />
            <Bilingual lang={l} id={f('label')} legend={edText(l, 'field.optionLabel')} current={o?.label} values={p.values} errors={p.errors} />
            <Bilingual lang={l} id={f('short')} legend={edText(l, 'field.optionShort')} current={o?.short} values={p.values} errors={p.errors} optional />
            <Select lang={l} id={f('status')} label={edText(l, 'field.status')} value={v[f('status')] ?? o?.status ?? ''} errors={p.errors}
              choices={[{ value: '', label: edText(l, 'status.none') }, ...STATUSES.map((s) => ({ value: s, label: edText(l, `status.${s}`) }))]} />
            {p.kind !== 'scale' ? (
              <Checkbox lang={l} id={f('other')} label={edText(l, 'field.other')} hint={edText(l, 'field.otherHint')} checked={checked(f('other'), o?.other)} errors={p.errors} />
            ) : null}
            {p.kind === 'multi' ? (
              <Checkbox lang={l} id={f('exclusive')} label={edText(l, 'field.exclusive')} hint={edText(l, 'field.exclusiveHint')} checked={checked(f('exclusive'), o?.exclusive)} />
            ) : null}
            {p.kind !== 'scale' && p.about ? (
              <TextInput lang={l} id={f('about')} label={`${edText(l, 'field.about')} ${edText(l, 'optional')}`} hint={edText(l, 'field.aboutHint')}
                value={v[f('about')] ?? o?.about ?? ''} errors={p.errors} width="code" />
            ) : null}
            {o ? <Checkbox lang={l} id={f('remove')} label={edText(l, 'options.remove')} checked={v[f('remove')] === '1'} errors={p.errors} /> : null}
            {o && p.movable ? <MoveRow lang={l} i={i} count={p.options.length} what={tx(l, o.label)} /> : null}
          </fieldset>
        );
      })}
    </>
  );
}

export function ItemRows(p: RowsProps & { items: readonly Item[] }) {
  const l = p.lang;
  const v = p.values ?? {};
  const rows = [...p.items.map((it) => ({ it })), ...Array.from({ length: p.blank }, () => ({ it: undefined }))];
  return (
    <>
      <input type="hidden" name="rijen" value={String(rows.length)} />
      {rows.map(({ it }, i) => {
        const f = (name: string) => `item-${i}-${name}`;
        const legend = it ? edText(l, 'items.legend', { n: i + 1, label: tx(l, it.label), code: it.code })
          : p.items.length ? edText(l, 'items.new') : edText(l, 'items.newN', { n: i + 1 });
        return (
          <fieldset class="editor-row">
            <legend>{legend}</legend>
            {it ? null : <p class="hint">{edText(l, 'options.newHint')}</p>}
            <input type="hidden" name={f('was')} value={it?.code ?? ''} />
            <TextInput lang={l} id={f('code')} label={edText(l, 'field.code')} value={v[f('code')] ?? it?.code ?? ''} errors={p.errors} width="code" />
            <Bilingual lang={l} id={f('label')} legend={edText(l, 'field.itemLabel')} current={it?.label} values={p.values} errors={p.errors} />
            {it ? <Checkbox lang={l} id={f('remove')} label={edText(l, 'items.remove')} checked={v[f('remove')] === '1'} errors={p.errors} /> : null}
            {it && p.movable ? <MoveRow lang={l} i={i} count={p.items.length} what={tx(l, it.label)} /> : null}
          </fieldset>
        );
      })}
    </>
  );
}
