/**
 * Builds a job summary in GitHub-flavoured Markdown. Only the action's entry writes it out
 * (to GITHUB_STEP_SUMMARY); everything else just adds to it. Cell text is escaped so values from
 * the cloud (event messages, reasons) cannot break the table or inject markup.
 */
export class SummaryBuilder {
  private readonly parts: string[] = [];

  heading(text: string, level: 1 | 2 | 3 | 4 = 2): this {
    this.parts.push(`${'#'.repeat(level)} ${escapeInline(text)}`);
    return this;
  }

  paragraph(markdown: string): this {
    this.parts.push(markdown);
    return this;
  }

  /** A status line with an icon: ✅ ok, ❌ failed, ⚠️ warning, ↩️ rolled back, ⏹️ cancelled. */
  status(kind: 'ok' | 'failed' | 'warning' | 'rolled-back' | 'cancelled', text: string): this {
    const icon = { ok: '✅', failed: '❌', warning: '⚠️', 'rolled-back': '↩️', cancelled: '⏹️' }[kind];
    this.parts.push(`${icon} ${text}`);
    return this;
  }

  /** A table; cells are plain text unless wrapped with `md()`. */
  table(header: string[], rows: Array<Array<Cell>>): this {
    const line = (cells: Cell[]) => `| ${cells.map(renderCell).join(' | ')} |`;
    this.parts.push([line(header), `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n'));
    return this;
  }

  /** Two-column key/value table. */
  keyValues(rows: Array<[string, Cell | undefined]>): this {
    return this.table(
      ['', ''],
      rows.filter((r): r is [string, Cell] => r[1] !== undefined && r[1] !== '').map(([k, v]) => [md(`**${escapeInline(k)}**`), v]),
    );
  }

  list(items: Cell[]): this {
    if (items.length) this.parts.push(items.map((i) => `- ${renderCell(i)}`).join('\n'));
    return this;
  }

  code(text: string, lang = ''): this {
    const fence = text.includes('```') ? '````' : '```';
    this.parts.push(`${fence}${lang}\n${text}\n${fence}`);
    return this;
  }

  details(summary: string, body: string): this {
    this.parts.push(`<details><summary>${escapeHtml(summary)}</summary>\n\n${body}\n\n</details>`);
    return this;
  }

  isEmpty(): boolean {
    return this.parts.length === 0;
  }

  toString(): string {
    return this.parts.length ? `${this.parts.join('\n\n')}\n` : '';
  }
}

/** Markdown that is trusted (built by us) and must not be escaped. */
export interface Markdown {
  readonly markdown: string;
}
export type Cell = string | number | Markdown;

export function md(markdown: string): Markdown {
  return { markdown };
}

export function codeSpan(text: string): Markdown {
  const clean = text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
  const ticks = clean.includes('`') ? '``' : '`';
  return md(`${ticks}${clean}${ticks}`);
}

function renderCell(cell: Cell): string {
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'string') return escapeInline(cell).replace(/\r?\n/g, '<br>');
  return cell.markdown.replace(/\r?\n/g, '<br>');
}

export function escapeInline(text: string): string {
  return escapeHtml(text).replace(/([\\`*_[\]|#])/g, '\\$1');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
