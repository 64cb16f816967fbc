/**
 * Every rule, by id, in alphabetical order. Explicit so the bundle holds exactly
 * these and `rules-meta.test.ts` can check this map against the files and docs.
 */
import type { AnyRule } from './define-rule';
import composeNoDockerSocketMount from './compose/no-docker-socket-mount';
import composeNoPrivileged from './compose/no-privileged';
import composeNoPublicDatabasePort from './compose/no-public-database-port';
import composeNoSecretsInEnvironment from './compose/no-secrets-in-environment';
import composeRequireDatabaseVolume from './compose/require-database-volume';
import composeRequireHealthcheck from './compose/require-healthcheck';
import composeRequirePinnedImage from './compose/require-pinned-image';
import composeRequireReadOnly from './compose/require-read-only';
import composeRequireResourceLimits from './compose/require-resource-limits';
import composeRequireRestartPolicy from './compose/require-restart-policy';
import dockerfileNoAddUrl from './dockerfile/no-add-url';
import dockerfileNoCurlPipeShell from './dockerfile/no-curl-pipe-shell';
import dockerfileNoSecretsInEnv from './dockerfile/no-secrets-in-env';
import dockerfileNoTlsVerifyDisabled from './dockerfile/no-tls-verify-disabled';
import dockerfilePreferExecForm from './dockerfile/prefer-exec-form';
import dockerfilePreferMinimalFinalImage from './dockerfile/prefer-minimal-final-image';
import dockerfileRequireAptNoInstallRecommends from './dockerfile/require-apt-no-install-recommends';
import dockerfileRequireDockerignore from './dockerfile/require-dockerignore';
import dockerfileRequireHealthcheck from './dockerfile/require-healthcheck';
import dockerfileRequireNonRootUser from './dockerfile/require-non-root-user';
import dockerfileRequirePackageCacheCleanup from './dockerfile/require-package-cache-cleanup';
import dockerfileRequirePinnedBaseImage from './dockerfile/require-pinned-base-image';
import k8sNoClusterAdminBinding from './k8s/no-cluster-admin-binding';
import k8sNoDanglingService from './k8s/no-dangling-service';
import k8sNoEphemeralDatabaseStorage from './k8s/no-ephemeral-database-storage';
import k8sNoHostNamespaces from './k8s/no-host-namespaces';
import k8sNoPrivilegedContainer from './k8s/no-privileged-container';
import k8sNoRbacWildcards from './k8s/no-rbac-wildcards';
import k8sNoSecretLiterals from './k8s/no-secret-literals';
import k8sNoSecretsInEnv from './k8s/no-secrets-in-env';
import k8sNoZeroTerminationGracePeriod from './k8s/no-zero-termination-grace-period';
import k8sRequireHardenedSecurityContext from './k8s/require-hardened-security-context';
import k8sRequireIngressTls from './k8s/require-ingress-tls';
import k8sRequireNetworkPolicy from './k8s/require-network-policy';
import k8sRequirePinnedImage from './k8s/require-pinned-image';
import k8sRequirePodDisruptionBudget from './k8s/require-pod-disruption-budget';
import k8sRequirePodSpreading from './k8s/require-pod-spreading';
import k8sRequireProbes from './k8s/require-probes';
import k8sRequireReadOnlyRootFilesystem from './k8s/require-read-only-root-filesystem';
import k8sRequireReplicas from './k8s/require-replicas';
import k8sRequireResources from './k8s/require-resources';
import k8sRequireRunAsNonRoot from './k8s/require-run-as-non-root';
import workspaceNoContradictedClaims from './workspace/no-contradicted-claims';
import workspaceRequireAlerting from './workspace/require-alerting';
import workspaceRequireBackups from './workspace/require-backups';
import workspaceRequireCi from './workspace/require-ci';
import workspaceRequireDashboards from './workspace/require-dashboards';
import workspaceRequireDependencyScanning from './workspace/require-dependency-scanning';
import workspaceRequireLoadTests from './workspace/require-load-tests';
import workspaceRequireMetricsScraping from './workspace/require-metrics-scraping';
import workspaceRequireOrchestration from './workspace/require-orchestration';

export const RULES: Readonly<Record<string, AnyRule>> = {
  'compose/no-docker-socket-mount': composeNoDockerSocketMount,
  'compose/no-privileged': composeNoPrivileged,
  'compose/no-public-database-port': composeNoPublicDatabasePort,
  'compose/no-secrets-in-environment': composeNoSecretsInEnvironment,
  'compose/require-database-volume': composeRequireDatabaseVolume,
  'compose/require-healthcheck': composeRequireHealthcheck,
  'compose/require-pinned-image': composeRequirePinnedImage,
  'compose/require-read-only': composeRequireReadOnly,
  'compose/require-resource-limits': composeRequireResourceLimits,
  'compose/require-restart-policy': composeRequireRestartPolicy,
  'dockerfile/no-add-url': dockerfileNoAddUrl,
  'dockerfile/no-curl-pipe-shell': dockerfileNoCurlPipeShell,
  'dockerfile/no-secrets-in-env': dockerfileNoSecretsInEnv,
  'dockerfile/no-tls-verify-disabled': dockerfileNoTlsVerifyDisabled,
  'dockerfile/prefer-exec-form': dockerfilePreferExecForm,
  'dockerfile/prefer-minimal-final-image': dockerfilePreferMinimalFinalImage,
  'dockerfile/require-apt-no-install-recommends': dockerfileRequireAptNoInstallRecommends,
  'dockerfile/require-dockerignore': dockerfileRequireDockerignore,
  'dockerfile/require-healthcheck': dockerfileRequireHealthcheck,
  'dockerfile/require-non-root-user': dockerfileRequireNonRootUser,
  'dockerfile/require-package-cache-cleanup': dockerfileRequirePackageCacheCleanup,
  'dockerfile/require-pinned-base-image': dockerfileRequirePinnedBaseImage,
  'k8s/no-cluster-admin-binding': k8sNoClusterAdminBinding,
  'k8s/no-dangling-service': k8sNoDanglingService,
  'k8s/no-ephemeral-database-storage': k8sNoEphemeralDatabaseStorage,
  'k8s/no-host-namespaces': k8sNoHostNamespaces,
  'k8s/no-privileged-container': k8sNoPrivilegedContainer,
  'k8s/no-rbac-wildcards': k8sNoRbacWildcards,
  'k8s/no-secret-literals': k8sNoSecretLiterals,
  'k8s/no-secrets-in-env': k8sNoSecretsInEnv,
  'k8s/no-zero-termination-grace-period': k8sNoZeroTerminationGracePeriod,
  'k8s/require-hardened-security-context': k8sRequireHardenedSecurityContext,
  'k8s/require-ingress-tls': k8sRequireIngressTls,
  'k8s/require-network-policy': k8sRequireNetworkPolicy,
  'k8s/require-pinned-image': k8sRequirePinnedImage,
  'k8s/require-pod-disruption-budget': k8sRequirePodDisruptionBudget,
  'k8s/require-pod-spreading': k8sRequirePodSpreading,
  'k8s/require-probes': k8sRequireProbes,
  'k8s/require-read-only-root-filesystem': k8sRequireReadOnlyRootFilesystem,
  'k8s/require-replicas': k8sRequireReplicas,
  'k8s/require-resources': k8sRequireResources,
  'k8s/require-run-as-non-root': k8sRequireRunAsNonRoot,
  'workspace/no-contradicted-claims': workspaceNoContradictedClaims,
  'workspace/require-alerting': workspaceRequireAlerting,
  'workspace/require-backups': workspaceRequireBackups,
  'workspace/require-ci': workspaceRequireCi,
  'workspace/require-dashboards': workspaceRequireDashboards,
  'workspace/require-dependency-scanning': workspaceRequireDependencyScanning,
  'workspace/require-load-tests': workspaceRequireLoadTests,
  'workspace/require-metrics-scraping': workspaceRequireMetricsScraping,
  'workspace/require-orchestration': workspaceRequireOrchestration,
};

export const ALL_RULES: readonly AnyRule[] = Object.values(RULES);
