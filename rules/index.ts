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
import goNoConnectionPerRequest from './go/no-connection-per-request';
import goNoDebugPrint from './go/no-debug-print';
import goNoDiscardedErrors from './go/no-discarded-errors';
import goNoHardcodedCredentials from './go/no-hardcoded-credentials';
import goNoHardcodedIp from './go/no-hardcoded-ip';
import goNoInsecureSkipVerify from './go/no-insecure-skip-verify';
import goNoPanicInHandlers from './go/no-panic-in-handlers';
import goNoPlainListenAndServe from './go/no-plain-listen-and-serve';
import goNoTodoComments from './go/no-todo-comments';
import goPreferRateLimiting from './go/prefer-rate-limiting';
import goRequireBodyLimit from './go/require-body-limit';
import goRequireClientTimeouts from './go/require-client-timeouts';
import goRequireGracefulShutdown from './go/require-graceful-shutdown';
import goRequireHealthEndpoint from './go/require-health-endpoint';
import goRequireMetrics from './go/require-metrics';
import goRequireRetries from './go/require-retries';
import goRequireTracing from './go/require-tracing';
import javaNoCsrfDisabled from './java/no-csrf-disabled';
import javaNoEmptyCatch from './java/no-empty-catch';
import javaNoHardcodedCredentials from './java/no-hardcoded-credentials';
import javaNoHardcodedIp from './java/no-hardcoded-ip';
import javaNoPermitAllEverything from './java/no-permit-all-everything';
import javaNoSystemOut from './java/no-system-out';
import javaNoTodoComments from './java/no-todo-comments';
import javaNoUnsafeDeserialization from './java/no-unsafe-deserialization';
import javaRequireCircuitBreaker from './java/require-circuit-breaker';
import javaRequireGracefulShutdown from './java/require-graceful-shutdown';
import javaRequireHealthEndpoint from './java/require-health-endpoint';
import javaRequireMetrics from './java/require-metrics';
import javaRequireRetries from './java/require-retries';
import javaRequireSocketTimeouts from './java/require-socket-timeouts';
import jsNoConnectionPerRequest from './js/no-connection-per-request';
import jsNoConsoleLog from './js/no-console-log';
import jsNoEmptyCatch from './js/no-empty-catch';
import jsNoEval from './js/no-eval';
import jsNoHardcodedCredentials from './js/no-hardcoded-credentials';
import jsNoHardcodedIp from './js/no-hardcoded-ip';
import jsNoJwtDecodeForAuth from './js/no-jwt-decode-for-auth';
import jsNoPermissiveCors from './js/no-permissive-cors';
import jsNoTlsVerifyDisabled from './js/no-tls-verify-disabled';
import jsNoTodoComments from './js/no-todo-comments';
import jsPreferInputValidation from './js/prefer-input-validation';
import jsPreferRateLimiting from './js/prefer-rate-limiting';
import jsRequireBodySizeLimit from './js/require-body-size-limit';
import jsRequireClientTimeouts from './js/require-client-timeouts';
import jsRequireGracefulShutdown from './js/require-graceful-shutdown';
import jsRequireHealthEndpoint from './js/require-health-endpoint';
import jsRequireMetrics from './js/require-metrics';
import jsRequireTracing from './js/require-tracing';
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
import pythonNoBareExceptPass from './python/no-bare-except-pass';
import pythonNoDebugMode from './python/no-debug-mode';
import pythonNoDebugPrint from './python/no-debug-print';
import pythonNoHardcodedCredentials from './python/no-hardcoded-credentials';
import pythonNoHardcodedIp from './python/no-hardcoded-ip';
import pythonNoTlsVerifyDisabled from './python/no-tls-verify-disabled';
import pythonNoTodoComments from './python/no-todo-comments';
import pythonNoUnsafeDeserialization from './python/no-unsafe-deserialization';
import pythonPreferRateLimiting from './python/prefer-rate-limiting';
import pythonRequireClientTimeouts from './python/require-client-timeouts';
import pythonRequireHealthEndpoint from './python/require-health-endpoint';
import pythonRequireMetrics from './python/require-metrics';
import rustNoDebugPrint from './rust/no-debug-print';
import rustNoHardcodedCredentials from './rust/no-hardcoded-credentials';
import rustNoHardcodedIp from './rust/no-hardcoded-ip';
import rustNoTlsVerifyDisabled from './rust/no-tls-verify-disabled';
import rustNoTodoComments from './rust/no-todo-comments';
import rustNoUnwrapInProduction from './rust/no-unwrap-in-production';
import rustRequireClientTimeouts from './rust/require-client-timeouts';
import rustRequireGracefulShutdown from './rust/require-graceful-shutdown';
import workspaceNoContradictedClaims from './workspace/no-contradicted-claims';
import workspaceRequireAlerting from './workspace/require-alerting';
import workspaceRequireBackups from './workspace/require-backups';
import workspaceRequireCi from './workspace/require-ci';
import workspaceRequireCircuitBreaker from './workspace/require-circuit-breaker';
import workspaceRequireCleanCode from './workspace/require-clean-code';
import workspaceRequireConfigValidation from './workspace/require-config-validation';
import workspaceRequireDashboards from './workspace/require-dashboards';
import workspaceRequireDependencyScanning from './workspace/require-dependency-scanning';
import workspaceRequireHealthEndpoints from './workspace/require-health-endpoints';
import workspaceRequireInputValidation from './workspace/require-input-validation';
import workspaceRequireLoadTests from './workspace/require-load-tests';
import workspaceRequireMetricsScraping from './workspace/require-metrics-scraping';
import workspaceRequireOrchestration from './workspace/require-orchestration';
import workspaceRequireRateLimiting from './workspace/require-rate-limiting';
import workspaceRequireRetries from './workspace/require-retries';
import workspaceRequireRunbook from './workspace/require-runbook';
import workspaceRequireTracing from './workspace/require-tracing';
import workspaceRequireUnitTests from './workspace/require-unit-tests';

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
  'go/no-connection-per-request': goNoConnectionPerRequest,
  'go/no-debug-print': goNoDebugPrint,
  'go/no-discarded-errors': goNoDiscardedErrors,
  'go/no-hardcoded-credentials': goNoHardcodedCredentials,
  'go/no-hardcoded-ip': goNoHardcodedIp,
  'go/no-insecure-skip-verify': goNoInsecureSkipVerify,
  'go/no-panic-in-handlers': goNoPanicInHandlers,
  'go/no-plain-listen-and-serve': goNoPlainListenAndServe,
  'go/no-todo-comments': goNoTodoComments,
  'go/prefer-rate-limiting': goPreferRateLimiting,
  'go/require-body-limit': goRequireBodyLimit,
  'go/require-client-timeouts': goRequireClientTimeouts,
  'go/require-graceful-shutdown': goRequireGracefulShutdown,
  'go/require-health-endpoint': goRequireHealthEndpoint,
  'go/require-metrics': goRequireMetrics,
  'go/require-retries': goRequireRetries,
  'go/require-tracing': goRequireTracing,
  'java/no-csrf-disabled': javaNoCsrfDisabled,
  'java/no-empty-catch': javaNoEmptyCatch,
  'java/no-hardcoded-credentials': javaNoHardcodedCredentials,
  'java/no-hardcoded-ip': javaNoHardcodedIp,
  'java/no-permit-all-everything': javaNoPermitAllEverything,
  'java/no-system-out': javaNoSystemOut,
  'java/no-todo-comments': javaNoTodoComments,
  'java/no-unsafe-deserialization': javaNoUnsafeDeserialization,
  'java/require-circuit-breaker': javaRequireCircuitBreaker,
  'java/require-graceful-shutdown': javaRequireGracefulShutdown,
  'java/require-health-endpoint': javaRequireHealthEndpoint,
  'java/require-metrics': javaRequireMetrics,
  'java/require-retries': javaRequireRetries,
  'java/require-socket-timeouts': javaRequireSocketTimeouts,
  'js/no-connection-per-request': jsNoConnectionPerRequest,
  'js/no-console-log': jsNoConsoleLog,
  'js/no-empty-catch': jsNoEmptyCatch,
  'js/no-eval': jsNoEval,
  'js/no-hardcoded-credentials': jsNoHardcodedCredentials,
  'js/no-hardcoded-ip': jsNoHardcodedIp,
  'js/no-jwt-decode-for-auth': jsNoJwtDecodeForAuth,
  'js/no-permissive-cors': jsNoPermissiveCors,
  'js/no-tls-verify-disabled': jsNoTlsVerifyDisabled,
  'js/no-todo-comments': jsNoTodoComments,
  'js/prefer-input-validation': jsPreferInputValidation,
  'js/prefer-rate-limiting': jsPreferRateLimiting,
  'js/require-body-size-limit': jsRequireBodySizeLimit,
  'js/require-client-timeouts': jsRequireClientTimeouts,
  'js/require-graceful-shutdown': jsRequireGracefulShutdown,
  'js/require-health-endpoint': jsRequireHealthEndpoint,
  'js/require-metrics': jsRequireMetrics,
  'js/require-tracing': jsRequireTracing,
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
  'python/no-bare-except-pass': pythonNoBareExceptPass,
  'python/no-debug-mode': pythonNoDebugMode,
  'python/no-debug-print': pythonNoDebugPrint,
  'python/no-hardcoded-credentials': pythonNoHardcodedCredentials,
  'python/no-hardcoded-ip': pythonNoHardcodedIp,
  'python/no-tls-verify-disabled': pythonNoTlsVerifyDisabled,
  'python/no-todo-comments': pythonNoTodoComments,
  'python/no-unsafe-deserialization': pythonNoUnsafeDeserialization,
  'python/prefer-rate-limiting': pythonPreferRateLimiting,
  'python/require-client-timeouts': pythonRequireClientTimeouts,
  'python/require-health-endpoint': pythonRequireHealthEndpoint,
  'python/require-metrics': pythonRequireMetrics,
  'rust/no-debug-print': rustNoDebugPrint,
  'rust/no-hardcoded-credentials': rustNoHardcodedCredentials,
  'rust/no-hardcoded-ip': rustNoHardcodedIp,
  'rust/no-tls-verify-disabled': rustNoTlsVerifyDisabled,
  'rust/no-todo-comments': rustNoTodoComments,
  'rust/no-unwrap-in-production': rustNoUnwrapInProduction,
  'rust/require-client-timeouts': rustRequireClientTimeouts,
  'rust/require-graceful-shutdown': rustRequireGracefulShutdown,
  'workspace/no-contradicted-claims': workspaceNoContradictedClaims,
  'workspace/require-alerting': workspaceRequireAlerting,
  'workspace/require-backups': workspaceRequireBackups,
  'workspace/require-ci': workspaceRequireCi,
  'workspace/require-circuit-breaker': workspaceRequireCircuitBreaker,
  'workspace/require-clean-code': workspaceRequireCleanCode,
  'workspace/require-config-validation': workspaceRequireConfigValidation,
  'workspace/require-dashboards': workspaceRequireDashboards,
  'workspace/require-dependency-scanning': workspaceRequireDependencyScanning,
  'workspace/require-health-endpoints': workspaceRequireHealthEndpoints,
  'workspace/require-input-validation': workspaceRequireInputValidation,
  'workspace/require-load-tests': workspaceRequireLoadTests,
  'workspace/require-metrics-scraping': workspaceRequireMetricsScraping,
  'workspace/require-orchestration': workspaceRequireOrchestration,
  'workspace/require-rate-limiting': workspaceRequireRateLimiting,
  'workspace/require-retries': workspaceRequireRetries,
  'workspace/require-runbook': workspaceRequireRunbook,
  'workspace/require-tracing': workspaceRequireTracing,
  'workspace/require-unit-tests': workspaceRequireUnitTests,
};

export const ALL_RULES: readonly AnyRule[] = Object.values(RULES);
