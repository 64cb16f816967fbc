import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Project } from '../../../../server/src/engine/project';
import { ParseCache } from '../../../../server/src/engine/parse-cache';
import { deployedContainersOf, imageNamesOf } from '../../../../rules/k8s/support/deployed-images';

function project(files: Record<string, string>): Project {
  const workspace = { readText: (p: string) => files[p], hasFile: (p: string) => p in files };
  return new Project(Object.keys(files), workspace as never, new ParseCache());
}

const DEPLOYMENT = (image: string, extra: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: cart
spec:
  template:
    spec:
      securityContext:
        runAsUser: 1000
      containers:
        - name: server
          image: ${image}
${extra}`;
const PROBE = '          readinessProbe:\n            grpc:\n              port: 7070\n';

describe('images a Dockerfile of the workspace builds, and where Kubernetes runs them', () => {
  it('names an image by its folder, the parent of a generic one, and Skaffold artifacts', () => {
    const files = {
      'services/cart/src/Dockerfile': 'FROM alpine:3.20\n',
      'skaffold.yaml': 'apiVersion: skaffold/v4beta6\nkind: Config\nbuild:\n  artifacts:\n    - image: shop-cart\n      context: services/cart/src\n',
    };
    assert.deepEqual([...imageNamesOf(project(files), 'services/cart/src/Dockerfile')].sort(), ['cart', 'shop-cart']);
  });

  it('finds the probed, non-root containers that run the image, whatever the registry and tag', () => {
    const files = { 'services/cart/Dockerfile': 'FROM alpine:3.20\n', 'k8s/cart.yaml': DEPLOYMENT('registry.example.com/shop/cart:2.4.0', PROBE) };
    const [deployed] = deployedContainersOf(project(files), 'services/cart/Dockerfile');
    assert.equal(deployed?.label, 'container "server" of Deployment "cart"');
    assert.ok(deployed?.probe);
    assert.ok(deployed?.nonRoot);
  });

  it('another image, or a container without probes, says nothing for the Dockerfile', () => {
    const other = { 'services/cart/Dockerfile': 'FROM alpine:3.20\n', 'k8s/cart.yaml': DEPLOYMENT('ghcr.io/acme/checkout:1.0.0', PROBE) };
    assert.deepEqual(deployedContainersOf(project(other), 'services/cart/Dockerfile'), []);
    const unprobed = { 'services/cart/Dockerfile': 'FROM alpine:3.20\n', 'k8s/cart.yaml': DEPLOYMENT('cart', '') };
    assert.equal(deployedContainersOf(project(unprobed), 'services/cart/Dockerfile')[0]?.probe, undefined);
  });

  it('a Dockerfile at the root of the workspace has no folder name to go by', () => {
    assert.equal(imageNamesOf(project({ Dockerfile: 'FROM alpine:3.20\n' }), 'Dockerfile').size, 0);
  });
});
