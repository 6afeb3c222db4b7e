// Markdown (markdown-it, raw HTML and images off) with placeholders as inline tokens, rendered to
// HTML for the web and to Typst markup for the PDF. In Typst every piece of text becomes a string
// literal (#"…"), so nothing the bureau types can ever be read as Typst code.
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { PLACEHOLDER, type Problem, type Resolved } from './placeholder.model.ts';

export type PlaceholderUse = { name: string; resolved: Resolved; index: number };
export type Env = { resolve: (name: string) => Resolved; uses: PlaceholderUse[] };

const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false });
// Images would load from anywhere on a public page and in the PDF: not offered.
md.disable('image');
md.inline.ruler.after('text', 'placeholder', (state, silent) => {
  if (state.src.charCodeAt(state.pos) !== 0x7b /* { */) return false;
  const m = PLACEHOLDER.exec(state.src.slice(state.pos));
  if (!m) return false;
  if (!silent) {
    const token = state.push('placeholder', '', 0);
    token.content = m[1];
  }
  state.pos += m[0].length;
  return true;
});

/** Every placeholder in a text with how it resolves, in order of appearance. */
export function placeholdersIn(source: string, resolve: Env['resolve']): PlaceholderUse[] {
  const env: Env = { resolve, uses: [] };
  walkInline(md.parse(source, env), (t) => {
    if (t.type === 'placeholder') env.uses.push({ name: t.content, resolved: resolve(t.content), index: env.uses.length });
  });
  return env.uses;
}

function walkInline(tokens: Token[], fn: (t: Token) => void) {
  for (const t of tokens) for (const c of t.children ?? []) fn(c);
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export type HtmlOptions = {
  /** Markdown heading level 1 becomes this level (the chapter title is one above). */
  headingBase: number;
  /** Editor preview: a problem is shown at the placeholder, with an id the error summary links to. */
  preview?: { problemText: (name: string, problem: Problem) => string };
};

/** The text as HTML; placeholders replaced by their values (a public page shows "–" for a problem). */
export function renderHtml(source: string, resolve: Env['resolve'], opts: HtmlOptions): { html: string; uses: PlaceholderUse[] } {
  const env: Env = { resolve, uses: [] };
  const r = md.renderer;
  const tokens = md.parse(source, env);
  for (const t of tokens) {
    if (t.type === 'heading_open' || t.type === 'heading_close') t.tag = `h${Math.min(6, Number(t.tag.slice(1)) + opts.headingBase - 1)}`;
  }
  const rules = {
    ...r.rules,
    placeholder: (ts: Token[], i: number) => {
      const name = ts[i].content;
      const resolved = resolve(name);
      const index = env.uses.push({ name, resolved, index: env.uses.length }) - 1;
      if (resolved.ok) {
        const text = escapeHtml(resolved.text);
        return resolved.figure?.href && !opts.preview ? `<a href="${escapeHtml(resolved.figure.href)}">${text}</a>` : text;
      }
      if (!opts.preview) return '–';
      return `<mark class="placeholder-error" id="plaatshouder-${index + 1}">{${escapeHtml(name)}} <span class="placeholder-error__why">(${escapeHtml(opts.preview.problemText(name, resolved.problem))})</span></mark>`;
    },
  };
  const renderer = Object.assign(Object.create(Object.getPrototypeOf(r)), r, { rules });
  return { html: renderer.render(tokens, md.options, env), uses: env.uses };
}

/** A Typst string literal: only \ and " need escaping; control characters become spaces. */
export function typstString(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\u0000-\u001f\u007f]/g, ' ')}"`;
}

const lit = (s: string) => (s ? `#${typstString(s)}` : '');

export type TypstOptions = { headingBase: number; problem: (name: string) => string };

/** The text as Typst markup, every text as a string literal; placeholders as their values. */
export function renderTypst(source: string, resolve: Env['resolve'], opts: TypstOptions): { typst: string; uses: PlaceholderUse[] } {
  const env: Env = { resolve, uses: [] };
  const tokens = md.parse(source, env);
  const inline = (children: Token[]): string => {
    let out = '';
    for (const t of children) {
      switch (t.type) {
        case 'text': out += lit(t.content); break;
        case 'softbreak': out += lit(' '); break;
        case 'hardbreak': out += '#linebreak()'; break;
        case 'strong_open': out += '#strong['; break;
        case 'em_open': out += '#emph['; break;
        case 's_open': out += '#strike['; break;
        case 'strong_close': case 'em_close': case 's_close': case 'link_close': out += ']'; break;
        case 'code_inline': out += `#raw(${typstString(t.content)})`; break;
        case 'link_open': out += `#link(${typstString(String(t.attrGet('href') ?? ''))})[`; break;
        case 'placeholder': {
          const resolved = resolve(t.content);
          env.uses.push({ name: t.content, resolved, index: env.uses.length });
          out += lit(resolved.ok ? resolved.text : opts.problem(t.content));
          break;
        }
        default: out += lit(t.content);
      }
    }
    return out;
  };
  // Blocks from tokens[i] until the closing token of the same nesting (or the end).
  const blocks = (from: number, until: number): string => {
    const parts: string[] = [];
    let i = from;
    const closeOf = (start: number) => {
      let depth = 0;
      for (let j = start; j < until; j++) {
        depth += tokens[j].nesting;
        if (depth === 0) return j;
      }
      return until - 1;
    };
    while (i < until) {
      const t = tokens[i];
      const end = t.nesting === 1 ? closeOf(i) : i;
      switch (t.type) {
        case 'paragraph_open': parts.push(inline(tokens[i + 1].children ?? [])); break;
        case 'heading_open': {
          const level = Math.min(6, Number(t.tag.slice(1)) + opts.headingBase - 1);
          parts.push(`#heading(level: ${level}, numbering: none, outlined: false)[${inline(tokens[i + 1].children ?? [])}]`);
          break;
        }
        case 'bullet_list_open': case 'ordered_list_open': {
          const items: string[] = [];
          for (let j = i + 1; j < end; j++) {
            if (tokens[j].type !== 'list_item_open') continue;
            const close = closeOf(j);
            items.push(`[${blocks(j + 1, close)}]`);
            j = close;
          }
          const start = Number(t.attrGet('start') ?? 1);
          parts.push(t.type === 'bullet_list_open' ? `#list(${items.join(', ')})` : `#enum(start: ${start}, ${items.join(', ')})`);
          break;
        }
        case 'blockquote_open': parts.push(`#quote(block: true)[${blocks(i + 1, end)}]`); break;
        case 'fence': case 'code_block': parts.push(`#raw(block: true, ${typstString(t.content.replace(/\n$/, ''))})`); break;
        case 'hr': parts.push('#line(length: 100%, stroke: 0.5pt)'); break;
        case 'table_open': {
          const rows: string[][] = [];
          let header = 0;
          for (let j = i + 1; j < end; j++) {
            if (tokens[j].type === 'tr_open') rows.push([]);
            if (tokens[j].type === 'thead_open') header = 1;
            if (tokens[j].type === 'th_open' || tokens[j].type === 'td_open') {
              const cell = `[${inline(tokens[j + 1].children ?? [])}]`;
              rows[rows.length - 1]?.push(tokens[j].type === 'th_open' ? `[#strong${cell}]` : cell);
            }
          }
          const columns = rows[0]?.length ?? 1;
          const head = header && rows.length ? `table.header(${rows[0].join(', ')}), ` : '';
          const body = rows.slice(header).flat().join(', ');
          parts.push(`#table(columns: ${columns}, ${head}${body})`);
          break;
        }
        default: break;
      }
      i = end + 1;
    }
    return parts.join('\n\n');
  };
  return { typst: blocks(0, tokens.length), uses: env.uses };
}
