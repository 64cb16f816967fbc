import rule from '../../../../rules/python/no-debug-mode';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'app/main.py' }).run(rule, {
  valid: [
    'from flask import Flask\n\napp = Flask(__name__)\n\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", port=8000)\n',
    { name: 'uvicorn reload is not a debugger', code: 'import uvicorn\n\nuvicorn.run("app.main:app", reload=True)\n' },
    { name: 'debug from the environment', code: 'import os\n\napp.run(debug=os.environ.get("FLASK_DEBUG") == "1")\n' },
    { name: 'Django dev settings', filename: 'shop/settings/dev.py', code: 'from .base import *\n\nDEBUG = True\n' },
    { name: 'Django local settings', filename: 'shop/settings/local.py', code: 'DEBUG = True\n' },
    { name: 'Django settings read DEBUG from the environment', filename: 'shop/settings.py', code: 'import os\n\nDEBUG = os.environ.get("DJANGO_DEBUG") == "1"\n' },
    { name: 'DEBUG = True outside settings', code: 'DEBUG = True\n' },
    { name: 'test code', filename: 'tests/conftest.py', code: 'app.run(debug=True)\n' },
  ],
  invalid: [
    {
      name: 'Flask debug server',
      code: 'from flask import Flask\n\napp = Flask(__name__)\n\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", debug=True)\n',
      errors: [{ messageId: 'flaskDebug', line: 6, column: 29, endColumn: 39, message: '`app.run(…, debug=True)`' }],
      output: 'from flask import Flask\n\napp = Flask(__name__)\n\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", debug=False)\n',
    },
    {
      name: 'werkzeug run_simple',
      code: 'from werkzeug.serving import run_simple\n\nrun_simple("0.0.0.0", 8000, app, use_debugger=True)\n',
      errors: [{ messageId: 'flaskDebug', line: 3, column: 34, message: 'use_debugger=True' }],
      output: 'from werkzeug.serving import run_simple\n\nrun_simple("0.0.0.0", 8000, app, use_debugger=False)\n',
    },
    {
      name: 'Django production settings',
      filename: 'shop/settings/production.py',
      code: 'from .base import *\n\nDEBUG = True\nALLOWED_HOSTS = ["shop.example.com"]\n',
      errors: [{ messageId: 'djangoDebug', line: 3, column: 1, endColumn: 13 }],
    },
  ],
});
