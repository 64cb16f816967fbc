import { defineRule } from '../define-rule';
import { annotationsOf, methodCalls } from './support/syntax';
import { isSpringWebApp, springSettings } from './support/spring';

export default defineRule({
  id: 'java/require-graceful-shutdown',
  target: 'java',
  meta: {
    item: 'reliability.graceful-shutdown',
    severity: 'warning',
    description: 'Require Spring Boot web applications to drain requests on shutdown (`server.shutdown=graceful`).',
    rationale:
      'On SIGTERM (every rolling update) a Spring Boot server stops at once by default, cutting off requests in flight and returning errors to callers during each deployment.',
    remediation:
      'Set `server.shutdown: graceful` and `spring.lifecycle.timeout-per-shutdown-phase` in application.yml, and release resources in `@PreDestroy` methods.',
    related: [],
  },
  messages: {
    notGraceful:
      'Spring Boot web application {{name}} does not set `server.shutdown=graceful`, so each rolling update cuts off the requests in flight. Set `server.shutdown: graceful` in application.yml.',
  },
  check(ctx) {
    const { doc } = ctx;
    for (const { node } of doc.captures('[(marker_annotation name: (identifier) @n) (annotation name: (identifier) @n)]')) {
      if (doc.text(node) === 'PreDestroy') ctx.evidence({ span: doc.span(node.parent ?? node), note: '`@PreDestroy` cleanup' });
    }
    for (const call of methodCalls(doc, new Set(['addShutdownHook']))) ctx.evidence({ span: doc.span(call.nameNode), note: 'JVM shutdown hook' });

    for (const { node: klass } of doc.captures('(class_declaration) @c')) {
      if (!annotationsOf(doc, klass).includes('SpringBootApplication')) continue;
      const settings = springSettings(ctx.project, 'server.shutdown');
      const graceful = settings.find((s) => s.value.trim().toLowerCase() === 'graceful');
      if (graceful) {
        ctx.evidence({ span: graceful.span, source: graceful.source, note: '`server.shutdown: graceful`' });
        continue;
      }
      if (!isSpringWebApp(ctx.project)) continue;
      const name = klass.childForFieldName('name');
      if (name) ctx.report({ span: doc.span(name), messageId: 'notGraceful', data: { name: `\`${doc.text(name)}\`` } });
    }
  },
});
