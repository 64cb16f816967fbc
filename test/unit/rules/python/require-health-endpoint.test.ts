import rule from '../../../../rules/python/require-health-endpoint';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'app/main.py' }).run(rule, {
  valid: [
    'from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get("/orders")\nasync def orders():\n    return []\n',
    { name: 'a dict get is no route', code: 'status = checks.get("/health")\n' },
  ],
  invalid: [],
  evidence: [
    { name: 'FastAPI', code: 'from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get("/healthz")\nasync def healthz():\n    return {"status": "ok"}\n\n\n@app.get("/readyz")\nasync def readyz():\n    return {"status": "ok"}\n', evidence: ['health route /healthz', 'health route /readyz'] },
    { name: 'Flask blueprint', code: 'from flask import Blueprint\n\nbp = Blueprint("ops", __name__)\n\n\n@bp.route("/ops/health")\ndef health():\n    return "ok"\n', evidence: ['health route /ops/health'] },
    { name: 'Django urlpatterns', filename: 'shop/urls.py', code: 'from django.urls import path\n\nfrom . import views\n\nurlpatterns = [\n    path("orders/", views.orders),\n    path("livez/", views.livez),\n]\n', evidence: ['health route /livez/'] },
  ],
});
