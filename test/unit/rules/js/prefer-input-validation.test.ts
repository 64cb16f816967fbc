import rule from '../../../../rules/js/prefer-input-validation';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'src/routes/orders.ts' }).run(rule, {
  valid: [
    "router.post('/orders', async (req, res) => {\n  const order = await db.orders.insert(req.body);\n  res.status(201).json(order);\n});\n",
    { name: 'JSON.parse is no schema', code: 'const body = JSON.parse(raw);\n' },
  ],
  invalid: [],
  evidence: [
    {
      name: 'zod',
      code: "import { z } from 'zod';\n\nconst OrderIn = z.object({ sku: z.string(), quantity: z.number().int().positive() });\n\nrouter.post('/orders', async (req, res) => {\n  const order = OrderIn.parse(req.body);\n  res.status(201).json(await save(order));\n});\n",
      evidence: ['request input validated with `OrderIn.parse`'],
    },
    { name: 'joi', code: "const { error, value } = schema.validate(req.body);\n", evidence: ['request input validated with `schema.validate`'] },
    { name: 'ajv', code: "import Ajv from 'ajv';\n\nconst ajv = new Ajv();\nconst validate = ajv.compile(orderSchema);\n", evidence: ['ajv schema compiled'] },
    {
      name: 'fastify schema',
      code: "app.post('/orders', { schema: { body: orderSchema } }, async (request) => save(request.body));\n",
      evidence: ['fastify route schema'],
    },
    {
      name: 'Nest ValidationPipe and DTOs',
      filename: 'src/main.ts',
      code: "import { ValidationPipe } from '@nestjs/common';\nimport { IsString } from 'class-validator';\n\nexport class CreateOrderDto {\n  @IsString()\n  sku!: string;\n}\n\napp.useGlobalPipes(new ValidationPipe({ whitelist: true }));\n",
      evidence: ['class-validator DTO', 'Nest ValidationPipe'],
    },
  ],
});
