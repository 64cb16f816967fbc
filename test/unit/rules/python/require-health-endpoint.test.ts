import rule from '../../../../rules/python/require-health-endpoint';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'app/main.py' }).run(rule, {
  valid: [
    'from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get("/orders")\nasync def orders():\n    return []\n',
    { name: 'a dict get is no route', code: 'status = checks.get("/health")\n' },
    {
      name: 'a servicer registration of another service',
      filename: 'email_server.py',
      code: 'import grpc\n\nimport mail_pb2_grpc\n\nserver = grpc.server(pool)\nmail_pb2_grpc.add_MailServicer_to_server(MailService(), server)\n',
    },
    { name: 'a double underscore is not a health route', code: 'from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.route("/__health")\ndef h():\n    return "ok"\n' },
  ],
  invalid: [],
  evidence: [
    { name: 'FastAPI', code: 'from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get("/healthz")\nasync def healthz():\n    return {"status": "ok"}\n\n\n@app.get("/readyz")\nasync def readyz():\n    return {"status": "ok"}\n', evidence: ['health route /healthz', 'health route /readyz'] },
    { name: 'Flask blueprint', code: 'from flask import Blueprint\n\nbp = Blueprint("ops", __name__)\n\n\n@bp.route("/ops/health")\ndef health():\n    return "ok"\n', evidence: ['health route /ops/health'] },
    { name: 'Django urlpatterns', filename: 'shop/urls.py', code: 'from django.urls import path\n\nfrom . import views\n\nurlpatterns = [\n    path("orders/", views.orders),\n    path("livez/", views.livez),\n]\n', evidence: ['health route /livez/'] },
    { name: 'an underscore route', code: 'from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.route("/_healthz")\ndef healthz():\n    return "ok"\n', evidence: ['health route /_healthz'] },
    {
      name: 'the gRPC health service',
      filename: 'quote_server.py',
      code:
        'from concurrent import futures\n\nimport grpc\nfrom grpc_health.v1 import health, health_pb2_grpc\n\nimport quote_pb2_grpc\n\n\ndef serve(port):\n    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))\n    quote_pb2_grpc.add_QuoteServicer_to_server(QuoteService(), server)\n    health_pb2_grpc.add_HealthServicer_to_server(health.HealthServicer(), server)\n    server.add_insecure_port(f"[::]:{port}")\n    server.start()\n',
      evidence: ['gRPC health service registered'],
    },
  ],
});
