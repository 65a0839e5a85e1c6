import { marked } from 'marked';

/** Renders markdown as GitHub would (GFM tables) and returns each table's rows as arrays of cell HTML. */
export function tables(markdown: string): string[][][] {
  const html = marked.parse(markdown, { async: false, gfm: true });
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(([, table]) =>
    [...table!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
      [...row!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, cell]) => cell!.trim()),
    ),
  );
}
