import { defineRule } from '../define-rule';
import { memberPath, type EsNode } from '../../server/src/targets/source/estree-document';
import { bindingsOf, calls, moduleImports, news } from './support/estree';
import { decorators, hasProperty, recordInOrder } from './support/evidence';

/** `req.body`, `request.body`, `ctx.request.body`, `req.query`, `req.params`: request input. */
const REQUEST_INPUT = /^(req|request|ctx\.request|c\.req)\.(body|query|params)$|^c\.req\.(json|valid)$/;
const SCHEMA_CALLS = new Set(['parse', 'safeParse', 'parseAsync', 'safeParseAsync', 'validate', 'validateAsync', 'validateSync', 'attempt', 'assert', 'cast', 'is', 'Check', 'Decode']);
const CLASS_VALIDATOR_DECORATORS = new Set(['IsString', 'IsInt', 'IsNumber', 'IsEmail', 'IsNotEmpty', 'IsOptional', 'IsUUID', 'IsEnum', 'IsBoolean', 'IsDate', 'IsArray', 'Length', 'Min', 'Max', 'MinLength', 'MaxLength', 'Matches', 'ValidateNested', 'IsPositive']);

export default defineRule({
  id: 'js/prefer-input-validation',
  target: 'js',
  meta: {
    item: 'security.input-validation',
    severity: 'info',
    description: 'Record validation of request input in TypeScript and JavaScript as evidence (zod, joi, yup, ajv, class-validator with `ValidationPipe`, fastify route schemas).',
    rationale: 'Request bodies used without a schema let malformed or hostile input reach the database and business logic, where it fails late, corrupts data or opens injection.',
    remediation: 'Validate every request body against a schema at the boundary: zod `schema.parse(req.body)`, joi, ajv, fastify route `schema`, or Nest `ValidationPipe` with class-validator DTOs.',
  },
  messages: {},
  check(ctx) {
    const { doc } = ctx;
    const found: Array<{ node: EsNode; note: string }> = [];
    const ajv = bindingsOf(doc, 'ajv');
    const ajvNames = new Set<string>();
    for (const { node: expr, path: name = '' } of news(doc)) {
      if (ajv.whole.has(name) || ajv.named.has(name) || ajv.whole.has(name.replace(/\.default$/, ''))) {
        const parent = doc.parent(expr);
        if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') ajvNames.add(parent.id.name);
      }
      if (name === 'ValidationPipe' || name.endsWith('.ValidationPipe')) found.push({ node: expr, note: 'Nest ValidationPipe' });
    }
    for (const { node: call, path = '' } of calls(doc)) {
      const method = path.slice(path.lastIndexOf('.') + 1);
      // `OrderSchema.parse(req.body)`, `schema.validate(req.body)`, `Joi.attempt(req.body, schema)`, `validate(req.body)` from ajv.
      const validates = SCHEMA_CALLS.has(method) || path === 'validate';
      if (validates && call.arguments.some((a) => REQUEST_INPUT.test(memberPath(a) ?? ''))) found.push({ node: call, note: `request input validated with \`${path}\`` });
      else if (method === 'compile' && ajvNames.has(path.slice(0, path.lastIndexOf('.')))) found.push({ node: call, note: 'ajv schema compiled' });
      // fastify: `app.post('/orders', { schema: { body } }, handler)`, `fastify.route({ schema, handler })`.
      else if (/\.(get|post|put|patch|delete|route)$/.test(path) && call.arguments.some((a) => hasProperty(a, 'schema'))) found.push({ node: call, note: 'fastify route schema' });
    }
    if (moduleImports(doc).some((i) => i.module === 'class-validator')) {
      const first = decorators(doc, CLASS_VALIDATOR_DECORATORS)[0];
      if (first) found.push({ node: first.node, note: 'class-validator DTO' });
    }
    recordInOrder(found, (node, note) => ctx.evidence({ span: doc.span(node), note }));
  },
});
