import rule from '../../../../rules/python/no-hardcoded-credentials';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'app/config.py' }).run(rule, {
  valid: [
    { name: 'read from the environment', code: 'import os\n\nDB_PASSWORD = os.environ["DB_PASSWORD"]\nAPI_TOKEN = os.getenv("API_TOKEN")\n' },
    { name: 'pydantic settings without defaults', code: 'from pydantic_settings import BaseSettings\n\n\nclass Settings(BaseSettings):\n    database_url: str\n    jwt_secret: str\n' },
    { name: 'names about a secret, not the secret', code: 'PASSWORD_FIELD = "password"\nTOKEN_URL = "https://auth.example.com/oauth/token"\nSECRET_KEY_PATH = "/run/secrets/key"\n' },
    { name: 'placeholders', code: 'DEFAULTS = {"password": "<password>", "api_key": ""}\n' },
    { name: 'a non-secret fallback', code: 'import os\n\nLOG_LEVEL = os.getenv("LOG_LEVEL", "info")\n' },
    { name: 'URL without credentials', code: 'DATABASE_URL = "postgresql://db:5432/orders"\n' },
    { name: 'tests are not production', filename: 'tests/test_login.py', code: 'def test_login(client):\n    client.post("/login", json={"password": "hunter2"})\n    login(username="ana", password="hunter2")\n' },
    { name: 'compared, not stored', code: 'def check(password):\n    return password == "secret"\n' },
  ],
  invalid: [
    {
      name: 'module constant',
      code: 'STRIPE_API_KEY = "sk_test_51Habc"\n',
      errors: [{ messageId: 'literal', line: 1, column: 18, endColumn: 34, message: '`STRIPE_API_KEY` holds a literal credential' }],
    },
    {
      name: 'class attribute and keyword argument',
      code: 'import psycopg\n\n\nclass Config:\n    admin_password = "admin123"\n\n\nconn = psycopg.connect(host="db", user="orders", password="orders-pw")\n',
      errors: [
        { messageId: 'literal', line: 5, column: 22, endColumn: 32, message: '`admin_password`' },
        { messageId: 'literal', line: 8, column: 59, endColumn: 70, message: '`password`' },
      ],
    },
    {
      name: 'getenv fallbacks',
      code: 'import os\n\nJWT_SECRET = os.getenv("JWT_SECRET", "dev-secret-123")\nDB_PASSWORD = os.environ.get("DB_PASSWORD", "postgres")\n',
      errors: [
        { messageId: 'envFallback', line: 3, column: 38, endColumn: 54, message: '`os.getenv(…)` falls back to a literal credential for `JWT_SECRET`' },
        { messageId: 'envFallback', line: 4, column: 45, endColumn: 55, message: '`os.environ.get(…)`' },
      ],
    },
    {
      name: 'Django SECRET_KEY in settings',
      filename: 'shop/settings.py',
      code: 'DEBUG = False\nSECRET_KEY = "django-insecure-8f3k2j1h0g9f8e7d6c5b4a"\n',
      errors: [{ messageId: 'djangoSecretKey', line: 2, column: 14 }],
    },
    {
      name: 'credentials in a URL',
      code: 'from sqlalchemy import create_engine\n\nengine = create_engine("postgresql://orders:s3cr3t@db:5432/orders")\n',
      errors: [{ messageId: 'shaped', line: 3, column: 24, endColumn: 67, message: 'a URL with a password' }],
    },
    {
      name: 'a dictionary entry',
      code: 'REDIS = {"host": "cache", "password": "r3dis-pass"}\n',
      errors: [{ messageId: 'literal', column: 39, message: '`password`' }],
    },
  ],
});
