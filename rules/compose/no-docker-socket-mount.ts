import { interpolate } from '../../server/src/targets/compose/document';
import { defineRule } from '../define-rule';
import { nonProductionReason } from './support/services';

/** Host paths of container-engine control sockets and pipes. */
const ENGINE_SOCKET = /(^|[/\\])(docker\.sock|podman\.sock|containerd\.sock|docker_engine)$/i;

export default defineRule({
  id: 'compose/no-docker-socket-mount',
  target: 'compose',
  meta: {
    item: 'deploy.security-context',
    severity: 'error',
    description: 'Disallow mounting the Docker (or Podman, containerd) socket into a service.',
    rationale:
      'The Docker socket is the Docker API without authentication: a container that can reach it can start a privileged container with the host\'s root filesystem mounted, so a bug in the service, or in a dependency of it, is root on the host. A read-only mount does not change that.',
    remediation:
      'Remove the mount. When the service must talk to Docker (a reverse proxy discovering containers, a CI runner), put a filtering proxy such as docker-socket-proxy in front of the socket and allow only the API calls it needs.',
    fixable: false,
    related: ['kube-linter:docker-sock'],
  },
  messages: {
    socketMount:
      'Service "{{service}}" mounts the container engine socket {{source}}, which gives it full control of the daemon and so root on the host, read-only or not. Remove the mount, or put a filtering proxy such as docker-socket-proxy in front of it.',
  },
  check(ctx) {
    const doc = ctx.doc;
    for (const service of doc.services) {
      if (nonProductionReason(doc, service) !== undefined) continue;
      for (const mount of service.mounts()) {
        if (mount.type !== 'bind' && mount.type !== 'npipe') continue;
        const source = mount.source === undefined ? undefined : interpolate(mount.source).text;
        if (source === undefined || !ENGINE_SOCKET.test(source.replace(/[/\\]+$/, ''))) continue;
        ctx.report({ span: mount.span, messageId: 'socketMount', data: { service: service.name, source } });
      }
    }
  },
});
