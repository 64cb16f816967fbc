import MarkdownIt from 'markdown-it';
import type { SourceText } from '../../engine/source';
import type { SourceComment } from '../target';

const markdown = new MarkdownIt({ html: true });

/** `<!-- … -->` comments that stand as their own block, read with the Markdown parser (a comment in a code fence is code). */
export function markdownComments(source: SourceText): SourceComment[] {
  const comments: SourceComment[] = [];
  for (const token of markdown.parse(source.text, {})) {
    if (token.type !== 'html_block' || !token.map) continue;
    const start = source.lineStart(token.map[0]);
    const end = source.lineEnd(Math.max(token.map[0], token.map[1] - 1));
    const block = source.text.slice(start, end);
    let from = 0;
    for (;;) {
      const open = block.indexOf('<!--', from);
      if (open < 0) break;
      const close = block.indexOf('-->', open + 4);
      const stop = close < 0 ? block.length : close;
      comments.push({ text: block.slice(open + 4, stop), span: { start: start + open, end: start + stop + (close < 0 ? 0 : 3) } });
      from = stop + 3;
    }
  }
  return comments;
}
