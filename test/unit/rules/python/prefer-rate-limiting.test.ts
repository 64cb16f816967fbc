import rule from '../../../../rules/python/prefer-rate-limiting';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'app/main.py' }).run(rule, {
  valid: ['from fastapi import FastAPI\n\napp = FastAPI()\n', { name: 'another limit()', code: 'rows = query.limit(10)\n' }],
  invalid: [],
  evidence: [
    {
      name: 'slowapi',
      code: 'from fastapi import FastAPI, Request\nfrom slowapi import Limiter\nfrom slowapi.util import get_remote_address\n\nlimiter = Limiter(key_func=get_remote_address)\napp = FastAPI()\n\n\n@app.post("/login")\n@limiter.limit("5/minute")\nasync def login(request: Request):\n    return {}\n',
      evidence: ['slowapi limiter', 'route rate limit'],
    },
    { name: 'Flask-Limiter', code: 'from flask_limiter import Limiter\nfrom flask_limiter.util import get_remote_address\n\nlimiter = Limiter(get_remote_address, app=app, default_limits=["200 per day"])\n', evidence: ['Flask-Limiter limiter'] },
    { name: 'django-ratelimit', filename: 'shop/views.py', code: 'from django_ratelimit.decorators import ratelimit\n\n\n@ratelimit(key="ip", rate="5/m")\ndef login(request):\n    pass\n', evidence: ['django-ratelimit decorator'] },
    { name: 'DRF throttling', filename: 'shop/settings.py', code: 'REST_FRAMEWORK = {\n    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],\n}\n', evidence: ['Django REST framework throttling'] },
  ],
});
