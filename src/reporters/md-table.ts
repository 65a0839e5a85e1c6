/** A table whose cells are Markdown already (escaped by the caller). */
export interface CellTable {
  columns: {
    header: string;
    /** How a note names the column. */ name: string;
    /** Never dropped. */ keep?: boolean;
  }[];
  rows: string[][];
}

/** The table as Markdown lines: the header (and its delimiter row), one line per row, and a note for dropped columns. */
export interface RenderedTable {
  header: string;
  rows: string[];
  /** `Every row: **Severity** ❌ error` for columns dropped because every cell held the same value ('' if none). */
  common: string;
}

/**
 * Drops the columns (other than `keep` ones) whose cells are all the same, when there are two rows or more:
 * they repeat one value down the page. A dropped value that is not empty is said once, above the table.
 * GFM tables: https://github.github.com/gfm/#tables-extension-
 */
export function renderTable(table: CellTable): RenderedTable {
  const { columns, rows } = table;
  const [first] = rows;
  const uniform = (i: number) =>
    first !== undefined && rows.length > 1 && rows.every((r) => r[i] === first[i]);
  const dropped = columns.map((c, i) => !c.keep && uniform(i));
  const shown = columns.map((_, i) => i).filter((i) => !dropped[i]);
  const common = columns
    .map((c, i) => (dropped[i] && first?.[i] ? `**${c.name}**: ${first[i]}` : ''))
    .filter(Boolean);
  return {
    header: `| ${shown.map((i) => columns[i]!.header).join(' | ')} |\n| ${shown.map(() => '---').join(' | ')} |\n`,
    rows: rows.map((r) => `| ${shown.map((i) => r[i] ?? '').join(' | ')} |\n`),
    common: common.length > 0 ? `Every row: ${common.join(' · ')}\n\n` : '',
  };
}

/** Bytes `collapsed` adds around its rows beyond the header: the `<details>` lines. */
export const DETAILS_OVERHEAD = 96;

/**
 * The first `visible` rows as a table, the rest in a collapsed `<details>` block repeating the header (blank
 * lines around it so GitHub renders the Markdown table inside the HTML block).
 */
export function collapsed(
  table: RenderedTable,
  rows: readonly string[],
  visible: number,
  label: (hidden: number) => string,
): string {
  const shown = rows.slice(0, visible);
  const rest = rows.slice(visible);
  const head = `${table.common}${table.header}${shown.join('')}`;
  if (rest.length === 0) return head;
  return `${head}\n<details><summary>${label(rest.length)}</summary>\n\n${table.header}${rest.join('')}\n</details>\n`;
}
