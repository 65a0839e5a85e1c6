import { describe, expect, test } from 'vitest';
import {
  FIELD_LIMIT,
  cap,
  capMiddle,
  markdownCode,
  markdownText,
  safeTerminalText,
} from '../../src/reporters/untrusted.js';

/** What the Actions runner would take for a workflow command: a line starting, after whitespace, with `::` or `##[`. */
const forged = (text: string) => text.split(/\r\n|\r|\n/).filter((line) => /^\s*(::|##\[)/.test(line));

describe('safeTerminalText (the CLI write boundary)', () => {
  test.each([
    ['web\n::error file=README.md,line=1::FORGED\n'],
    ['  ::set-output name=x::y'],
    ['\t::add-mask::secret'],
    ['##[error]forged'],
    ['  ##[group]x'],
    ['web\r::error::after a lone carriage return'],
    ['web\r\n::warning::after CRLF'],
    ['\u00a0::notice::after a no-break space'],
    ['\ufeff::error::after a byte order mark'],
  ])('no workflow command survives in %j', (text) => {
    const out = safeTerminalText(text, false);
    expect(forged(out)).toEqual([]);
    // The text is still readable: the words are all there.
    expect(out.replace(/\u200b/g, '')).toContain(text.replace(/\r\n?/g, '\n').trim().slice(0, 4).trim());
  });

  test.each([
    ['\u001b]0;pwned\u0007title', false, 'title'],
    ['\u001b[2J\u001b[Hcleared', false, 'cleared'],
    ['\u001b[31mred\u001b[39m', false, 'red'],
    ['\u001b[31mred\u001b[39m', true, '\u001b[31mred\u001b[39m'],
    ['\u001b[2Jno cursor moves even with colors', true, 'no cursor moves even with colors'],
    ['bell\u0007 and nul\u0000', false, 'bell\\x07 and nul\\x00'],
    ['tab\tand\nnewline', false, 'tab\tand\nnewline'],
    ['%0A::error::is only data', false, '%0A::error::is only data'],
  ])('%j (colors %s) -> %j', (text, colors, expected) => {
    expect(safeTerminalText(text, colors)).toBe(expected);
  });
});

describe('cap', () => {
  test.each([
    ['short', 10, 'short'],
    ['x'.repeat(300), FIELD_LIMIT, `${'x'.repeat(FIELD_LIMIT - 1)}…`],
    // A surrogate pair is one character: never cut in half.
    ['😀'.repeat(5), 3, '😀😀…'],
  ])('cap(%j, %d)', (text, max, expected) => {
    expect(cap(text, max)).toBe(expected);
    expect(Array.from(cap(text, max)).length).toBeLessThanOrEqual(max);
  });
});

describe('capMiddle', () => {
  test.each([
    ['short', 10, 'short'],
    ['what failed: because: the cause', 15, 'what fa…e cause'],
    ['abcdefghij', 4, 'ab…j'],
    // Surrogate pairs on both sides of the cut stay whole.
    ['😀'.repeat(6), 5, '😀😀…😀😀'],
  ])('capMiddle(%j, %d) = %j', (text, max, expected) => {
    expect(capMiddle(text, max)).toBe(expected);
    expect(Array.from(capMiddle(text, max)).length).toBeLessThanOrEqual(max);
  });
});

describe('markdownText', () => {
  test.each([
    ['a|b', 'a\\|b'],
    ['<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)\\>'],
    ['*bold* _it_ `code` [x](y)', '\\*bold\\* \\_it\\_ \\`code\\` \\[x\\](y)'],
    ['line1\r\nline2\rline3\nline4', 'line1<br>line2<br>line3<br>line4'],
    ['\n\n# Heading', '<br><br>\\# Heading'],
    ['@org/team and @user', '@&#8203;org/team and @&#8203;user'],
    ['fixes #123 and org/repo#45', 'fixes \\#&#8203;123 and org/repo\\#&#8203;45'],
    ['GH-12', 'GH&#8203;-12'],
    ['see https://evil.test and www.evil.test', 'see https:&#8203;//evil.test and www&#8203;.evil.test'],
    [
      '<!-- archcheck:sticky-comment job=archcheck -->',
      '\\<\\!-- archcheck:sticky-comment job=archcheck --\\>',
    ],
    ['&lt;script&gt;', '\\&lt;script\\&gt;'],
    ['![x](http://t/p.png)', '\\!\\[x\\](http:&#8203;//t/p.png)'],
  ])('%j -> %j', (text, expected) => {
    expect(markdownText(text)).toBe(expected);
  });

  test('cut at the limit, with an ellipsis', () => {
    expect(markdownText('a'.repeat(1000))).toBe(`${'a'.repeat(FIELD_LIMIT - 1)}…`);
  });
});

describe('markdownCode', () => {
  test.each([
    ['deploy/web.yaml', '`deploy/web.yaml`'],
    ['a`b', '``a`b``'],
    ['x ```` y', '`````x ```` y`````'],
    ['`start', '`` `start ``'],
    ['two\n\nlines\r\n## heading', '`two  lines ## heading`'],
  ])('%j -> %j', (text, expected) => {
    expect(markdownCode(text)).toBe(expected);
  });
});
