import rule from '../../../../rules/js/no-jwt-decode-for-auth';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'src/auth.ts' }).run(rule, {
  valid: [
    { name: 'no JWT library', code: 'const claims = decode(token);' },
    { name: 'decoded only to log', code: "import jwt from 'jsonwebtoken';\nlogger.debug(jwt.decode(token), 'token received');" },
    {
      name: 'complete decode to pick the key, then verify',
      code: [
        "import jwt from 'jsonwebtoken';",
        'export async function authenticate(token: string) {',
        '  const { header } = jwt.decode(token, { complete: true }) ?? {};',
        '  const key = await jwks.getSigningKey(header?.kid);',
        "  return jwt.verify(token, key.getPublicKey(), { algorithms: ['RS256'] });",
        '}',
      ].join('\n'),
    },
    { name: 'verify without algorithms (jsonwebtoken 9 refuses none)', code: "const jwt = require('jsonwebtoken');\nconst claims = jwt.verify(token, process.env.JWT_PUBLIC_KEY);" },
  ],
  invalid: [
    {
      name: 'decode used to authenticate',
      code: [
        "import jwt from 'jsonwebtoken';",
        'app.use((req, res, next) => {',
        "  const claims = jwt.decode(req.headers.authorization.slice(7)) as { role: string };",
        "  if (claims.role !== 'admin') return res.sendStatus(403);",
        '  next();',
        '});',
      ].join('\n'),
      errors: [{ messageId: 'decodeWithoutVerify', line: 3, column: 18, endColumn: 64, message: '`jwt.decode` reads the token without checking its signature' }],
    },
    {
      name: 'named imports and jose decodeJwt',
      code: "import { decode } from 'jsonwebtoken';\nimport { decodeJwt } from 'jose';\nconst a = decode(token);\nconst b = decodeJwt(token);",
      errors: [
        { messageId: 'decodeWithoutVerify', line: 3 },
        { messageId: 'decodeWithoutVerify', line: 4, message: '`decodeJwt`' },
      ],
    },
    {
      name: 'the none algorithm allowed',
      code: "import * as jwt from 'jsonwebtoken';\nconst claims = jwt.verify(token, secret, { algorithms: ['HS256', 'none'] });",
      errors: [{ messageId: 'noneAlgorithm', line: 2, column: 66, endColumn: 72 }],
    },
  ],
  evidence: [
    {
      name: 'pinned algorithms',
      code: "import jwt from 'jsonwebtoken';\nexport const verify = (t: string) => jwt.verify(t, publicKey, { algorithms: ['RS256', 'ES256'] });",
      evidence: ['JWT verified with pinned algorithms (RS256, ES256)'],
    },
    {
      name: 'jose with a JWKS',
      code: "import { createRemoteJWKSet, jwtVerify } from 'jose';\nconst JWKS = createRemoteJWKSet(new URL(process.env.JWKS_URL!));\nexport const verify = (t: string) => jwtVerify(t, JWKS, { issuer: 'https://auth.example.com' });",
      evidence: ['JWT keys fetched from a JWKS endpoint', 'JWT verified with jose jwtVerify'],
    },
  ],
});
