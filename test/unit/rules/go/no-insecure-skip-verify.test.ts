import { RuleTester } from '../../rule-tester';
import rule from '../../../../rules/go/no-insecure-skip-verify';

new RuleTester({ filename: 'internal/client/tls.go' }).run(rule, {
  valid: [
    'package client\n\nimport "crypto/tls"\n\nvar c = &tls.Config{InsecureSkipVerify: false, MinVersion: tls.VersionTLS12}\n',
    { name: 'another package\'s Config', code: 'package client\n\nimport "crypto/tls"\n\nvar _ tls.Certificate\nvar c = other.Config{InsecureSkipVerify: true}\n' },
  ],
  invalid: [
    {
      code: 'package client\n\nimport ctls "crypto/tls"\n\nvar c = &ctls.Config{InsecureSkipVerify: true}\n',
      errors: [{ messageId: 'skipVerify', line: 5, column: 42, endColumn: 46 }],
      output: 'package client\n\nimport ctls "crypto/tls"\n\nvar c = &ctls.Config{InsecureSkipVerify: false}\n',
    },
    {
      name: 'assignment to a config field',
      code: 'package client\n\nimport "crypto/tls"\n\nfunc f(c *tls.Config) {\n\tc.InsecureSkipVerify = true\n}\n',
      errors: [{ messageId: 'skipVerify', line: 6, column: 25 }],
      output: 'package client\n\nimport "crypto/tls"\n\nfunc f(c *tls.Config) {\n\tc.InsecureSkipVerify = false\n}\n',
    },
  ],
});
