import rule from '../../../../rules/compose/no-privileged';
import { RuleTester } from '../../rule-tester';

const HARDENED = `services:
  api:
    image: ghcr.io/acme/orders-api:1.4.2
    read_only: true
    cap_drop: [ALL]
    security_opt:
      - no-new-privileges:true
`;

new RuleTester({ filename: 'compose.yaml' }).run(rule, {
  valid: [
    HARDENED,
    { name: 'a narrow capability', code: 'services:\n  vpn:\n    image: linuxserver/wireguard:1.0.20210914\n    cap_add:\n      - NET_ADMIN\n    cap_drop: [ALL]\n' },
    { name: 'privileged: false', code: 'services:\n  api:\n    image: ghcr.io/acme/orders-api:1.4.2\n    privileged: false\n    network_mode: bridge\n' },
    { name: 'sharing another service\'s network is not the host\'s', code: 'services:\n  sidecar:\n    image: envoyproxy/envoy:v1.31.0\n    network_mode: "service:api"\n' },
    { name: 'a debug profile is not deployed', code: 'services:\n  debug:\n    image: nicolaka/netshoot:v0.13\n    profiles: [debug]\n    network_mode: host\n    pid: host\n' },
    { name: 'a development file', filename: 'docker-compose.dev.yml', code: 'services:\n  dind:\n    image: docker:27-dind\n    privileged: true\n' },
  ],
  invalid: [
    {
      name: 'privileged and all capabilities',
      code: 'services:\n  agent:\n    image: ghcr.io/acme/node-agent:0.9.1\n    privileged: true\n    cap_add:\n      - ALL\n',
      errors: [
        { messageId: 'privileged', line: 4, column: 5, endLine: 4, endColumn: 21, message: 'Service "agent" runs privileged' },
        { messageId: 'capability', line: 6, column: 9, endColumn: 12, message: 'adds capability ALL, which grants every capability' },
      ],
    },
    {
      name: 'SYS_ADMIN written with the CAP_ prefix, in flow style',
      code: 'services:\n  fuse:\n    image: ghcr.io/acme/s3fs:1.94\n    cap_add: [CAP_SYS_ADMIN, NET_BIND_SERVICE]\n',
      errors: [{ messageId: 'capability', line: 4, column: 15, endColumn: 28, message: 'adds capability SYS_ADMIN' }],
    },
    {
      name: 'the host network, PID and IPC namespaces',
      code: 'services:\n  exporter:\n    image: prom/node-exporter:v1.8.2\n    network_mode: host\n    pid: host\n    ipc: "host"\n',
      errors: [
        { messageId: 'hostNamespace', line: 4, column: 5, endColumn: 23, message: 'shares the host\'s network namespace (`network_mode: host`)' },
        { messageId: 'hostNamespace', line: 5, column: 5, endColumn: 14, message: 'process namespace' },
        { messageId: 'hostNamespace', line: 6, column: 5, endColumn: 16, message: 'IPC namespace' },
      ],
    },
    {
      name: 'privileged inherited through an anchor is reported at the anchor',
      code: 'x-privileged: &privileged\n  privileged: true\n\nservices:\n  builder:\n    <<: *privileged\n    image: ghcr.io/acme/builder:2.0.0\n',
      errors: [{ messageId: 'privileged', line: 2, column: 3, message: 'Service "builder" runs privileged' }],
    },
  ],
  evidence: [{ name: 'dropped capabilities and no-new-privileges are evidence', code: HARDENED, evidence: ['service "api" drops all capabilities', 'service "api" sets no-new-privileges'] }],
});
