import rule from '../../../../rules/python/require-metrics';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'app/main.py' }).run(rule, {
  valid: ['from fastapi import FastAPI\n\napp = FastAPI()\n', { name: 'an import alone is not evidence', code: 'import prometheus_client\n' }],
  invalid: [],
  evidence: [
    {
      name: 'ASGI metrics app and a counter',
      code: 'from fastapi import FastAPI\nfrom prometheus_client import Counter, make_asgi_app\n\napp = FastAPI()\napp.mount("/metrics", make_asgi_app())\nORDERS = Counter("orders_total", "Orders created")\n',
      evidence: ['metrics route /metrics', 'prometheus_client serves metrics', 'Prometheus collectors'],
    },
    { name: 'instrumentator', code: 'from prometheus_fastapi_instrumentator import Instrumentator\n\nInstrumentator().instrument(app).expose(app)\n', evidence: ['prometheus-fastapi-instrumentator'] },
    {
      name: 'OpenTelemetry metrics',
      code: 'from opentelemetry import metrics\nfrom opentelemetry.sdk.metrics import MeterProvider\n\nmetrics.set_meter_provider(MeterProvider())\nmeter = metrics.get_meter("orders")\n',
      evidence: ['OpenTelemetry metrics', 'OpenTelemetry meter provider', 'OpenTelemetry metrics'],
    },
  ],
});
