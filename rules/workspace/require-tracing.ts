import { defineAbsenceRule } from './support/absence';

export default defineAbsenceRule({
  id: 'workspace/require-tracing',
  item: 'observability.tracing',
  description: 'Require distributed tracing in an HTTP service, judged once for the whole workspace.',
  rationale:
    'Without traces, a slow or failing request that crosses services cannot be followed: on-call sees symptoms in each service and guesses at the cause.',
  remediation: 'Add OpenTelemetry: the SDK and the instrumentation of the web framework and clients, exporting to a collector.',
  thing: 'tracing (OpenTelemetry or similar)',
  why: 'a slow or failing request cannot be followed across services',
  fix: 'Add the OpenTelemetry SDK and the instrumentation of the framework and clients, exporting to a collector.',
  appliesTo: 'service',
  declarative: [
    { name: /^micrometer-tracing-bridge-(otel|brave)$/, note: 'Micrometer Tracing is auto-configured by Spring Boot' },
    { name: 'quarkus-opentelemetry', note: 'Quarkus OpenTelemetry traces requests' },
  ],
});
