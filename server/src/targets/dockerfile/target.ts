import type { Target } from '../target';
import { DockerfileDocument } from './document';

export const dockerfileTarget: Target<DockerfileDocument> = {
  name: 'dockerfile',
  parse(source) {
    // dockerfile-ast recovers from any input, so a Dockerfile never fails to parse.
    return { doc: new DockerfileDocument(source), problems: [] };
  },
  comments(doc) {
    return doc.ast.getComments().map((comment) => {
      const range = comment.getContentRange() ?? comment.getRange();
      return { text: comment.getContent(), span: doc.span(range) };
    });
  },
};
