import { isMap } from 'yaml';
import type { FileProblem } from '../../engine/types';
import type { Target } from '../target';
import { entries, keySpan, pairOf, spanOf } from '../yaml/nodes';
import { parseYamlFile, yamlComments } from '../yaml/yaml-file';
import { ComposeDocument } from './document';

/**
 * Compose files (`compose.yaml`, `docker-compose*.yml`): YAML whose `services` map
 * names each container. A file that does not parse, or whose services are not maps,
 * becomes a problem on the file; the services that can be read are still linted.
 */
export const composeTarget: Target<ComposeDocument, ComposeDocument> = {
  name: 'compose',
  parse(source) {
    const outcome = parseYamlFile(source);
    if (!outcome.doc) return { doc: undefined, problems: outcome.problems };
    const doc = new ComposeDocument(outcome.doc, source);
    return { doc, problems: [...outcome.problems, ...shapeProblems(doc)] };
  },
  comments(doc) {
    return yamlComments(doc.source.text);
  },
};

function shapeProblems(doc: ComposeDocument): FileProblem[] {
  const problems: FileProblem[] = [];
  const file = doc.source.path;
  const lineOf = (offset: number | undefined) => (offset === undefined ? undefined : doc.source.positionAt(offset).line);
  const servicesKey = keySpan(doc.root, 'services');
  if (!pairOf(doc.root, 'services')) return problems;
  const services = doc.servicesNode;
  if (services === undefined) return problems;
  if (!isMap(services)) {
    problems.push({ file, line: lineOf(servicesKey?.start), message: '`services` is not a map of service names to definitions, so Compose rejects this file. Readiness skips its services.' });
    return problems;
  }
  for (const { key, value, pair } of entries(services)) {
    if (!isMap(doc.deref(value))) {
      problems.push({
        file,
        line: lineOf(spanOf(pair.key)?.start),
        message: `Service "${key}" is not a map of settings, so Compose rejects this file. Readiness skips this service.`,
      });
    }
  }
  return problems;
}
