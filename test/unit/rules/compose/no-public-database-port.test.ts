import rule from '../../../../rules/compose/no-public-database-port';
import { RuleTester } from '../../rule-tester';

const DB = (ports: string) => `services:
  api:
    image: ghcr.io/acme/orders-api:1.4.2
    ports:
      - "8080:8080"
  db:
    image: postgres:16.4
    volumes:
      - pgdata:/var/lib/postgresql/data
    ports:
${ports}
volumes:
  pgdata:
`;

new RuleTester({ filename: 'compose.yaml' }).run(rule, {
  valid: [
    { name: 'the database publishes nothing; the API does', code: 'services:\n  api:\n    image: ghcr.io/acme/orders-api:1.4.2\n    ports:\n      - "8080:8080"\n  db:\n    image: postgres:16.4\n    expose:\n      - "5432"\n' },
    { name: 'bound to the loopback interface', code: DB('      - "127.0.0.1:5432:5432"') },
    { name: 'bound to IPv6 loopback', code: DB('      - "[::1]:5432:5432"') },
    { name: 'long syntax with host_ip', code: DB('      - target: 5432\n        published: "5432"\n        host_ip: 127.0.0.1') },
    { name: 'bound to one private interface on purpose', code: DB('      - "10.0.12.5:5432:5432"') },
    { name: 'a port variable without a default cannot be judged', code: DB('      - "${PG_BIND}:5432"') },
    { name: 'a local development file', filename: 'docker-compose.dev.yml', code: DB('      - "5432:5432"') },
    { name: 'pgAdmin is not the database', code: 'services:\n  pgadmin:\n    image: dpage/pgadmin4:8.10\n    ports:\n      - "5050:80"\n' },
  ],
  invalid: [
    {
      name: 'the classic "5432:5432": the suggestion binds it to 127.0.0.1',
      code: DB('      - "5432:5432"'),
      errors: [{ messageId: 'publicPort', line: 11, column: 9, endLine: 11, endColumn: 20, message: 'Service "db" publishes PostgreSQL on port 5432 of all host interfaces' }],
      output: DB('      - "127.0.0.1:5432:5432"'),
    },
    {
      name: 'unquoted with a protocol, and an explicit 0.0.0.0',
      code: DB('      - 5432:5432/tcp\n      - "0.0.0.0:5433:5432"'),
      errors: [
        { messageId: 'publicPort', line: 11, column: 9, endColumn: 22 },
        { messageId: 'publicPort', line: 12, column: 9, message: 'port 5433' },
      ],
      output: DB('      - "127.0.0.1:5432:5432/tcp"\n      - "127.0.0.1:5433:5432"'),
    },
    {
      name: 'a container port alone gets a random host port on every interface',
      code: 'services:\n  cache:\n    image: redis:7.2.5\n    ports:\n      - 6379\n',
      errors: [{ messageId: 'publicPort', line: 5, column: 9, endColumn: 13, message: 'Redis on port 6379 (a random host port)' }],
      output: 'services:\n  cache:\n    image: redis:7.2.5\n    ports:\n      - "127.0.0.1::6379"\n',
    },
    {
      name: 'long syntax without host_ip: the fix adds it',
      code: 'services:\n  mongo:\n    image: mongo:7.0.12\n    ports:\n      - target: 27017\n        published: 27017\n        protocol: tcp\n',
      errors: [{ messageId: 'publicPort', line: 5, column: 9, endLine: 7, endColumn: 22, message: 'MongoDB on port 27017' }],
      output: 'services:\n  mongo:\n    image: mongo:7.0.12\n    ports:\n      - target: 27017\n        published: 27017\n        protocol: tcp\n        host_ip: 127.0.0.1\n',
    },
    {
      name: 'a variable port with a default, on Memcached',
      code: 'services:\n  memcached:\n    image: memcached:1.6.29-alpine\n    ports:\n      - "${MEMCACHED_PORT:-11211}:11211"\n',
      errors: [{ messageId: 'publicPort', line: 5, column: 9, message: 'Memcached on port 11211' }],
      output: 'services:\n  memcached:\n    image: memcached:1.6.29-alpine\n    ports:\n      - "127.0.0.1:${MEMCACHED_PORT:-11211}:11211"\n',
    },
    {
      name: 'an override fragment publishing the port of a database defined in the base file',
      filename: 'docker-compose.override.yml',
      code: 'services:\n  db:\n    ports:\n      - "5432:5432"\n',
      files: { 'docker-compose.yml': 'services:\n  db:\n    image: postgres:16.4\n' },
      errors: [{ messageId: 'publicPort', line: 4, column: 9 }],
      output: 'services:\n  db:\n    ports:\n      - "127.0.0.1:5432:5432"\n',
    },
  ],
  evidence: [{ name: 'a loopback binding is evidence', code: DB('      - "127.0.0.1:5432:5432"'), evidence: ['service "db" publishes PostgreSQL on 127.0.0.1 only'] }],
});
