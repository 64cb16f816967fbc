import rule from '../../../../rules/python/no-debug-print';
import { RuleTester } from '../../rule-tester';

const fastapi = { 'requirements.txt': 'fastapi==0.111.0\nuvicorn==0.30.1\n' };

new RuleTester({ filename: 'app/orders.py' }).run(rule, {
  valid: [
    { name: 'not a web service', code: 'def main():\n    print("done")\n' },
    { name: 'in a __main__ block',
      files: fastapi, code: 'import uvicorn\n\nif __name__ == "__main__":\n    print("starting")\n    uvicorn.run("app.main:app")\n' },
    { name: 'scripts are run by hand',
      files: fastapi, filename: 'scripts/seed.py', code: 'print("seeded")\n' },
    { name: 'manage.py',
      files: fastapi, filename: 'manage.py', code: 'print("x")\n' },
    { name: 'tests',
      files: fastapi, filename: 'tests/test_orders.py', code: 'def test_x():\n    print("debug")\n' },
  ],
  invalid: [
    {
      name: 'a print in a route, with a module logger to use',
      files: fastapi,
      code: 'import logging\n\nfrom fastapi import APIRouter\n\nlogger = logging.getLogger(__name__)\nrouter = APIRouter()\n\n\n@router.post("/orders")\nasync def create(order: dict):\n    print(order)\n    return order\n',
      errors: [{ messageId: 'print', line: 11, column: 5, endColumn: 17 }],
      output: 'import logging\n\nfrom fastapi import APIRouter\n\nlogger = logging.getLogger(__name__)\nrouter = APIRouter()\n\n\n@router.post("/orders")\nasync def create(order: dict):\n    logger.info(order)\n    return order\n',
      evidence: ['logger from `logging.getLogger`'],
    },
    {
      name: 'a module with routes, no manifest, no logger: no fix',
      code: 'from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.route("/orders")\ndef orders():\n    print("listing", len(ORDERS))\n    return ORDERS\n',
      errors: [{ messageId: 'print', line: 8, column: 5 }],
    },
    {
      name: 'several arguments are not rewritten',
      files: fastapi,
      code: 'import logging\n\nlog = logging.getLogger("orders")\n\n\ndef handle(order):\n    print("order", order.id)\n',
      errors: [{ messageId: 'print', line: 7 }],
    },
  ],
  evidence: [
    { name: 'structlog', code: 'import structlog\n\nlog = structlog.get_logger()\n', evidence: ['logger from `structlog.get_logger`'] },
    { name: 'loguru', code: 'from loguru import logger\n\nlogger.info("ready")\n', evidence: ['loguru logger'] },
  ],
});
