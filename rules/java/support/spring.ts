import * as path from 'node:path';
import { isMap, isScalar, parseAllDocuments } from 'yaml';
import type { ProjectView } from '../../../server/src/engine/project';
import type { SourceText, Span } from '../../../server/src/engine/source';
import { stackOf } from '../../../server/src/engine/stack';
import { annotationsOf } from './syntax';

/** Spring Boot configuration files: `application.yml`, `application-prod.properties`, `bootstrap.yaml`. */
const CONFIG_FILE = /^(application|bootstrap)(-[\w.-]+)?\.(ya?ml|properties)$/;

export interface ConfigSetting {
  source: SourceText;
  span: Span;
  value: string;
}

/**
 * Every value of a dotted Spring property (`server.shutdown`) in the production
 * configuration files of the project, whether written nested or flat in YAML, or in
 * a `.properties` file.
 */
export function springSettings(project: ProjectView, key: string): ConfigSetting[] {
  const out: ConfigSetting[] = [];
  for (const file of project.files()) {
    if (!file.production || !CONFIG_FILE.test(path.posix.basename(file.path))) continue;
    const source = project.source(file.path);
    if (!source) continue;
    if (file.path.endsWith('.properties')) out.push(...fromProperties(source, key));
    else out.push(...fromYaml(source, key));
  }
  return out;
}

function fromProperties(source: SourceText, key: string): ConfigSetting[] {
  const out: ConfigSetting[] = [];
  let offset = 0;
  for (const line of source.text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('#') && !trimmed.startsWith('!')) {
      const separator = trimmed.search(/[=:]/);
      if (separator > 0 && trimmed.slice(0, separator).trim() === key) {
        const value = trimmed.slice(separator + 1).trim();
        const start = offset + line.indexOf(trimmed);
        out.push({ source, span: { start, end: start + trimmed.length }, value });
      }
    }
    offset += line.length + 1;
  }
  return out;
}

function fromYaml(source: SourceText, key: string): ConfigSetting[] {
  const out: ConfigSetting[] = [];
  const parts = key.split('.');
  let docs;
  try {
    docs = parseAllDocuments(source.text);
  } catch {
    return out;
  }
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    if (!isMap(doc.contents)) continue;
    // Nested (`server: {shutdown: graceful}`), flat (`server.shutdown: graceful`) or a mix.
    for (let split = 0; split < parts.length; split++) {
      const pathParts = [...parts.slice(0, split), parts.slice(split).join('.')];
      const node = doc.getIn(pathParts, true);
      if (isScalar(node) && node.range) out.push({ source, span: { start: node.range[0], end: node.range[1] }, value: String(node.value) });
    }
  }
  return out;
}

const WEB_STARTER = /(^|:)spring-boot-starter-web(flux)?$/;
const CONTROLLER_ANNOTATIONS = new Set(['RestController', 'Controller']);

/** Whether the project is a Spring web application: a web starter declared, or controllers in production code. */
export function isSpringWebApp(project: ProjectView): boolean {
  if (stackOf(project).has(WEB_STARTER)) return true;
  for (const file of project.files(['java'])) {
    if (!file.production) continue;
    const doc = project.parsed(file.path, 'java');
    if (!doc) continue;
    if (doc.captures('(class_declaration) @c').some(({ node }) => annotationsOf(doc, node).some((a) => CONTROLLER_ANNOTATIONS.has(a)))) return true;
  }
  return false;
}
