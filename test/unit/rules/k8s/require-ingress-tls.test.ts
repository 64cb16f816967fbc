import rule from '../../../../rules/k8s/require-ingress-tls';
import { RuleTester } from '../../rule-tester';

const INGRESS = (extra: string, annotations = '    cert-manager.io/cluster-issuer: letsencrypt-prod\n') => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: storefront
  annotations:
${annotations}spec:
  ingressClassName: nginx
${extra}  rules:
    - host: shop.acme.io
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: storefront
                port:
                  number: 80
`;

const TLS = '  tls:\n    - hosts:\n        - shop.acme.io\n      secretName: storefront-tls\n';

const CHART = 'charts/storefront/';
const CHART_INGRESS = `{{- if .Values.ingress.enabled }}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ include "storefront.fullname" . }}
spec:
  {{- if .Values.ingress.tls }}
  tls:
    {{- range .Values.ingress.tls }}
    - hosts:
        {{- range .hosts }}
        - {{ . | quote }}
        {{- end }}
      secretName: {{ .secretName }}
    {{- end }}
  {{- end }}
  rules:
    - host: {{ .Values.ingress.host }}
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: {{ include "storefront.fullname" . }}
                port:
                  number: 80
{{- end }}
`;
const chart = (values: string) => ({ [`${CHART}Chart.yaml`]: 'apiVersion: v2\nname: storefront\nversion: 1.0.0\n', [`${CHART}values.yaml`]: values });

new RuleTester({ filename: 'k8s/storefront/ingress.yaml' }).run(rule, {
  valid: [
    { name: 'tls with a certificate Secret', code: INGRESS(TLS) },
    { name: 'an AWS load balancer terminates TLS with an ACM certificate', code: INGRESS('', '    alb.ingress.kubernetes.io/certificate-arn: arn:aws:acm:eu-west-1:123456789012:certificate/8f4b9c2e\n    alb.ingress.kubernetes.io/listen-ports: \'[{"HTTPS":443}]\'\n') },
    { name: 'a GKE managed certificate', code: INGRESS('', '    networking.gke.io/managed-certificates: storefront-cert\n') },
    { name: 'a local development host', code: INGRESS('').replace('shop.acme.io', 'shop.localhost') },
    { name: 'Helm: the Ingress is off by default', filename: `${CHART}templates/ingress.yaml`, code: CHART_INGRESS, files: chart('ingress:\n  enabled: false\n  host: shop.acme.io\n  tls: []\n') },
    {
      name: 'Helm: tls hosts in the values',
      filename: `${CHART}templates/ingress.yaml`,
      code: CHART_INGRESS,
      files: chart('ingress:\n  enabled: true\n  host: shop.acme.io\n  tls:\n    - secretName: storefront-tls\n      hosts: [shop.acme.io]\n'),
    },
    {
      name: 'a kustomize overlay adds tls',
      code: INGRESS(''),
      files: {
        'k8s/storefront/kustomization.yaml': 'resources:\n  - ingress.yaml\npatches:\n  - target:\n      kind: Ingress\n      name: storefront\n    patch: |-\n      - op: add\n        path: /spec/tls\n        value:\n          - hosts: [shop.acme.io]\n            secretName: storefront-tls\n',
      },
    },
    { name: 'example manifests are not production', filename: 'examples/ingress.yaml', code: INGRESS('') },
  ],
  invalid: [
    {
      name: 'no tls: the fix adds a tls section for the rule hosts',
      code: INGRESS(''),
      errors: [{ messageId: 'noTls', line: 2, column: 7, endLine: 2, endColumn: 14, message: 'Ingress "storefront" has no `tls:` section, so shop.acme.io is served over plain HTTP' }],
      output: INGRESS('').replace('                  number: 80\n', '                  number: 80\n  tls:\n    - hosts:\n        - shop.acme.io\n      secretName: storefront-tls\n'),
    },
    {
      name: 'cert-manager annotations without tls issue nothing',
      code: INGRESS('', '    cert-manager.io/cluster-issuer: letsencrypt-prod\n    kubernetes.io/ingress.allow-http: "false"\n'),
      errors: [{ messageId: 'noTls', line: 2 }],
      output: INGRESS('', '    cert-manager.io/cluster-issuer: letsencrypt-prod\n    kubernetes.io/ingress.allow-http: "false"\n').replace('                  number: 80\n', '                  number: 80\n  tls:\n    - hosts:\n        - shop.acme.io\n      secretName: storefront-tls\n'),
    },
    {
      name: 'Helm: the finding points at the empty ingress.tls in values.yaml',
      filename: `${CHART}templates/ingress.yaml`,
      code: CHART_INGRESS,
      files: chart('ingress:\n  enabled: true\n  host: shop.acme.io\n  tls: []\n'),
      errors: [{ messageId: 'valuesNoTls', file: `${CHART}values.yaml`, line: 4, column: 3, endColumn: 6, message: "The chart's default `ingress.tls` is empty" }],
    },
  ],
  evidence: [
    { name: 'tls hosts', code: INGRESS(TLS), evidence: ['Ingress "storefront" terminates TLS for shop.acme.io'] },
    { name: 'TLS at the load balancer', code: INGRESS('', '    alb.ingress.kubernetes.io/certificate-arn: arn:aws:acm:eu-west-1:123456789012:certificate/8f4b9c2e\n'), evidence: ['Ingress "storefront": TLS terminated at the AWS load balancer (ACM certificate)'] },
  ],
});
