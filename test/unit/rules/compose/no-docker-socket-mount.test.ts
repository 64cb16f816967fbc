import rule from '../../../../rules/compose/no-docker-socket-mount';
import { RuleTester } from '../../rule-tester';

new RuleTester({ filename: 'compose.yaml' }).run(rule, {
  valid: [
    {
      name: 'a filtering socket proxy is the only service with the socket… in a dev file',
      filename: 'docker-compose.dev.yml',
      code: 'services:\n  proxy:\n    image: traefik:v3.1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n',
    },
    {
      name: 'ordinary volumes and bind mounts',
      code: 'services:\n  api:\n    image: ghcr.io/acme/orders-api:1.4.2\n    volumes:\n      - ./config/api.yaml:/etc/orders/api.yaml:ro\n      - uploads:/var/lib/orders/uploads\n      - type: bind\n        source: ./certs\n        target: /etc/ssl/private\nvolumes:\n  uploads:\n',
    },
    { name: 'a named volume called docker.sock is not the socket', code: 'services:\n  api:\n    image: ghcr.io/acme/orders-api:1.4.2\n    volumes:\n      - docker.sock:/data\n' },
    { name: 'test code', filename: 'test/compose.yaml', code: 'services:\n  runner:\n    image: docker:27\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n' },
  ],
  invalid: [
    {
      name: 'short syntax, read-only does not help',
      code: 'services:\n  proxy:\n    image: traefik:v3.1\n    ports:\n      - "80:80"\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n',
      errors: [{ messageId: 'socketMount', line: 7, column: 9, endLine: 7, endColumn: 53, message: 'Service "proxy" mounts the container engine socket /var/run/docker.sock' }],
    },
    {
      name: 'long syntax and the /run path',
      code: 'services:\n  watchtower:\n    image: containrrr/watchtower:1.7.1\n    volumes:\n      - type: bind\n        source: /run/docker.sock\n        target: /var/run/docker.sock\n',
      errors: [{ messageId: 'socketMount', line: 5, column: 9, endLine: 7, message: '/run/docker.sock' }],
    },
    {
      name: 'a socket path behind a variable default',
      code: 'services:\n  runner:\n    image: gitlab/gitlab-runner:v17.2.0\n    volumes:\n      - "${DOCKER_SOCKET:-/var/run/docker.sock}:/var/run/docker.sock"\n',
      errors: [{ messageId: 'socketMount', line: 5, column: 9 }],
    },
    {
      name: 'the Podman socket',
      code: 'services:\n  portainer:\n    image: portainer/portainer-ce:2.21.0\n    volumes:\n      - /run/user/1000/podman/podman.sock:/var/run/docker.sock\n',
      errors: [{ messageId: 'socketMount', line: 5, column: 9, message: 'podman.sock' }],
    },
  ],
});
