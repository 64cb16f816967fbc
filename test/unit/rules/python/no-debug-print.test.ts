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
    {
      name: 'a gRPC client next to a service that declares grpcio',
      files: { 'src/recommendation/requirements.txt': 'grpcio==1.62.1\nprotobuf==4.25.3\n' },
      filename: 'src/loadgen/probe.py',
      code: 'import grpc\n\nimport shop_pb2_grpc\n\nchannel = grpc.insecure_channel("recommendation:8080")\nstub = shop_pb2_grpc.RecommendationStub(channel)\nprint(stub.List(shop_pb2.ListRequest(user_id="u1")))\n',
    },
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
      name: 'a print in a gRPC servicer method, no manifest',
      filename: 'src/email/email_server.py',
      code:
        'import grpc\n\nimport email_pb2_grpc\n\n\nclass EmailService(email_pb2_grpc.EmailServiceServicer):\n    def SendConfirmation(self, request, context):\n        try:\n            self.mailer.send(request.email, render(request.order))\n        except MailError as err:\n            print(err.message)\n            context.set_code(grpc.StatusCode.INTERNAL)\n        return email_pb2.Empty()\n',
      errors: [{ messageId: 'print', line: 11, column: 13 }],
    },
    {
      name: 'a module registering a servicer on a grpc.aio server',
      filename: 'app/server.py',
      code: 'from grpc import aio\n\nimport quote_pb2_grpc\n\n\nasync def serve(port):\n    server = aio.server()\n    quote_pb2_grpc.add_QuoteServicer_to_server(Quotes(), server)\n    server.add_insecure_port(f"[::]:{port}")\n    print("listening on", port)\n    await server.start()\n',
      errors: [{ messageId: 'print', line: 10 }],
    },
    {
      name: 'a helper module of a project that declares grpcio',
      files: { 'src/recommendation/requirements.txt': 'grpcio==1.62.1\nprotobuf==4.25.3\n' },
      filename: 'src/recommendation/catalog.py',
      code: 'def pick(products, n):\n    print("picking", n, "of", len(products))\n    return products[:n]\n',
      errors: [{ messageId: 'print', line: 2 }],
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
