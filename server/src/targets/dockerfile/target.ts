import type { Target } from '../target';
import { DockerfileDocument } from './document';

export const dockerfileTarget: Target<DockerfileDocument, DockerfileDocument> = {
  name: 'dockerfile',
  parse(source) {
    // dockerfile-ast recovers from any input, so a Dockerfile never fails to parse.
    return { doc: new DockerfileDocument(source), problems: [] };
  },
  comments(doc) {
    const comments = doc.ast.getComments().map((comment) => {
      const range = comment.getContentRange() ?? comment.getRange();
      return { text: comment.getContent(), span: doc.span(range) };
    });
    // `# hadolint ignore=DL3002` on the first line parses as a parser directive
    // (`# key=value`), yet it is a pragma for us all the same.
    const directives = doc.ast.getDirectives().map((directive) => {
      const span = doc.span(directive.getRange());
      const line = doc.source.text.slice(span.start, span.end);
      return { text: line.replace(/^\s*#/, ''), span };
    });
    return [...directives, ...comments];
  },
};
