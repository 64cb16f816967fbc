import type { Arg, Env, Property } from 'dockerfile-ast';
import type { Span } from '../../server/src/engine/source';
import { findLongOption, findShortOption, isAssignment, isVerbatim, leadingAssignments, removalSpan, type OptionSpec } from '../../server/src/targets/dockerfile/args';
import type { ShellCommand, ShellWord } from '../../server/src/targets/dockerfile/shell';
import type { FixDescriptor } from '../define-rule';
import { defineRule } from '../define-rule';

/** curl's short options that take a value: a `k` after one of them is that value, not `--insecure`. */
const CURL_OPTIONS: OptionSpec = {
  shortWithValue: 'AbcCdDeEFHKmoPQrTtuUwxXyYz',
  longWithValue: ['--output', '--header', '--request', '--data', '--user', '--user-agent', '--cacert', '--cert', '--key', '--proxy', '--config', '--url', '--write-out', '--form', '--max-time', '--connect-timeout', '--retry', '--resolve', '--referer'],
};

const FALSE = /^(false|0|no|off)$/i;

/** Environment variables that turn verification off, with what they turn it off for. */
const ENV_SWITCHES: ReadonlyArray<{ name: RegExp; disables: (value: string) => boolean; scope: string }> = [
  { name: /^NODE_TLS_REJECT_UNAUTHORIZED$/, disables: (v) => v.trim() === '0', scope: 'every Node.js HTTPS and TLS connection' },
  { name: /^GIT_SSL_NO_VERIFY$/, disables: (v) => v.trim() !== '' && !FALSE.test(v.trim()), scope: 'every git fetch and clone' },
  { name: /^PYTHONHTTPSVERIFY$/, disables: (v) => v.trim() === '0', scope: "Python's HTTPS requests" },
  { name: /^NPM_CONFIG_STRICT_SSL$/i, disables: (v) => FALSE.test(v.trim()), scope: 'npm registry requests' },
  { name: /^YARN_ENABLE_STRICT_SSL$/, disables: (v) => FALSE.test(v.trim()), scope: 'Yarn registry requests' },
  { name: /^PIP_TRUSTED_HOST$/, disables: (v) => v.trim() !== '', scope: 'pip downloads from those hosts' },
  { name: /^GOINSECURE$/, disables: (v) => v.trim() !== '', scope: 'Go module downloads matching it' },
];

function envSwitch(name: string, value: string): { scope: string } | undefined {
  if (/\$(\{|[A-Za-z_])/.test(value)) return undefined;
  return ENV_SWITCHES.find((s) => s.name.test(name) && s.disables(value));
}

function isPip(command: ShellCommand): boolean {
  return /^pip[0-9.]*$/.test(command.name) || (/^python[0-9.]*$/.test(command.name) && command.args[0]?.value === '-m' && /^pip[0-9.]*$/.test(command.args[1]?.value ?? ''));
}

/** `strict-ssl false`, `strict-ssl=false`, `--strict-ssl=false`, `--no-strict-ssl`, Yarn's `enableStrictSsl false`. */
function strictSslOff(command: ShellCommand): Span | undefined {
  const args = command.args;
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as ShellWord;
    const value = word.value;
    if (/^--no-strict-ssl$/i.test(value) || /^(--)?(strict-ssl|enableStrictSsl)=(false|0)$/i.test(value)) return word.span;
    const next = args[i + 1];
    if (/^(--)?(strict-ssl|enableStrictSsl)$/i.test(value) && next && FALSE.test(next.value)) return { start: word.span.start, end: next.span.end };
  }
  return undefined;
}

/** `git config http.sslVerify false`, `git -c http.sslVerify=false clone …`, per-URL `http.<url>.sslVerify`. */
function gitVerifyOff(command: ShellCommand): Span | undefined {
  const args = command.args;
  for (let i = 0; i < args.length; i++) {
    const word = args[i] as ShellWord;
    const eq = /^http\.(.+\.)?sslverify=(.*)$/i.exec(word.value);
    if (eq && FALSE.test(eq[2] ?? '')) return word.span;
    const next = args[i + 1];
    if (/^http\.(.+\.)?sslverify$/i.test(word.value) && next && FALSE.test(next.value)) return { start: word.span.start, end: next.span.end };
  }
  return undefined;
}

export default defineRule({
  id: 'dockerfile/no-tls-verify-disabled',
  target: 'dockerfile',
  meta: {
    item: 'security.tls',
    severity: 'error',
    description: 'Disallow turning off TLS certificate verification in RUN commands and ENV/ARG settings.',
    rationale:
      'Without certificate verification anyone on the network path (a proxy, a hostile Wi-Fi, a compromised CI network) can impersonate the server: a build downloads whatever they serve, and a service with the setting in its ENV sends credentials and data to them.',
    remediation:
      'Remove the option or variable. If the server uses a private CA, install that CA into the image (`update-ca-certificates`) or point the tool at it (`curl --cacert`, `pip --cert`, `npm config set cafile`, `git http.sslCAInfo`, `NODE_EXTRA_CA_CERTS`).',
    fixable: true,
    related: [
      'checkov:CKV2_DOCKER_2',
      'checkov:CKV2_DOCKER_3',
      'checkov:CKV2_DOCKER_4',
      'checkov:CKV2_DOCKER_5',
      'checkov:CKV2_DOCKER_6',
      'checkov:CKV2_DOCKER_12',
      'checkov:CKV2_DOCKER_13',
      'checkov:CKV2_DOCKER_14',
      'checkov:CKV2_DOCKER_16',
    ],
  },
  messages: {
    curlInsecure:
      '`curl {{flag}}` turns off TLS certificate verification, so anyone on the network path can swap what the build downloads. Remove it and, for a private CA, install the CA certificate or pass `--cacert`.',
    wgetNoCheck:
      '`wget --no-check-certificate` turns off TLS certificate verification, so anyone on the network path can swap what the build downloads. Remove it and, for a private CA, install the CA certificate or pass `--ca-certificate`.',
    pipTrustedHost:
      '`--trusted-host` makes pip accept a host without a valid certificate or over plain HTTP, so anyone on the network path can serve it any package. Use an HTTPS index with a trusted certificate, adding a private CA with `--cert` if needed.',
    npmStrictSsl:
      'Turning strict-ssl off makes {{tool}} accept any certificate from the registry, so anyone on the network path can serve it any package. Keep strict-ssl on and add a private CA with `cafile` if needed.',
    gitSslVerify:
      'Setting http.sslVerify to false makes git accept any certificate, so anyone on the network path can serve it any source code. Keep verification on and add a private CA with `http.sslCAInfo` if needed.',
    envDisablesVerify:
      '{{name}}={{value}} turns off TLS certificate verification for {{scope}}, so anyone on the network path can read and alter that traffic. Remove it and trust a private CA through the system certificate store instead.',
  },
  check(ctx) {
    const doc = ctx.doc;
    const source = ctx.source;

    const removeWord = (word: ShellWord, title: string): FixDescriptor | undefined => {
      const span = isVerbatim(source, word) ? removalSpan(source, word) : undefined;
      return span ? { title, suggestion: true, edits: [{ span, text: '' }] } : undefined;
    };

    const checkEnv = (name: string, value: string, span: Span): void => {
      const found = envSwitch(name, value);
      if (found) ctx.report({ span, messageId: 'envDisablesVerify', data: { name, value, scope: found.scope } });
    };

    for (const instruction of doc.instructions()) {
      const keyword = instruction.getKeyword();
      if (keyword === 'ENV' || keyword === 'ARG') {
        const properties = keyword === 'ENV' ? (instruction as Env).getProperties() : [(instruction as Arg).getProperty()].filter((p): p is Property => p !== null);
        for (const property of properties) {
          const value = property.getValue();
          if (value !== null) checkEnv(property.getName(), value, doc.span(property.getRange()));
        }
        continue;
      }
      if (keyword !== 'RUN') continue;
      const execForm = doc.isExecForm(instruction);
      for (const command of doc.shellCommands(instruction)) {
        const assignments = [...leadingAssignments(command), ...(command.name === 'export' ? command.args.filter((a) => isAssignment(a.value)) : [])];
        for (const assignment of assignments) {
          const eq = assignment.value.indexOf('=');
          checkEnv(assignment.value.slice(0, eq), assignment.value.slice(eq + 1), assignment.span);
        }

        if (command.name === 'curl') {
          for (const long of ['--insecure', '--proxy-insecure']) {
            const word = findLongOption(command, long, CURL_OPTIONS);
            if (word) ctx.report({ span: word.span, messageId: 'curlInsecure', data: { flag: long }, fix: execForm ? undefined : removeWord(word, `Remove ${long}`) });
          }
          const short = findShortOption(command, 'k', CURL_OPTIONS);
          if (short) {
            const { word, index } = short;
            let fix: FixDescriptor | undefined;
            if (!execForm && word.value === '-k') fix = removeWord(word, 'Remove -k');
            else if (!execForm && isVerbatim(source, word)) {
              const at = word.span.start + index;
              fix = { title: 'Remove k from the short options', suggestion: true, edits: [{ span: { start: at, end: at + 1 }, text: '' }] };
            }
            ctx.report({ span: word.span, messageId: 'curlInsecure', data: { flag: word.value }, fix });
          }
        } else if (command.name === 'wget') {
          const word = findLongOption(command, '--no-check-certificate');
          if (word) ctx.report({ span: word.span, messageId: 'wgetNoCheck', fix: execForm ? undefined : removeWord(word, 'Remove --no-check-certificate') });
        } else if (isPip(command)) {
          const word = command.args.find((a) => /^--trusted-host(=|$)/.test(a.value) || /^[a-z]+\.trusted-host$/.test(a.value));
          if (word) ctx.report({ span: word.span, messageId: 'pipTrustedHost' });
        } else if (command.name === 'npm' || command.name === 'yarn' || command.name === 'pnpm') {
          const span = strictSslOff(command);
          if (span) ctx.report({ span, messageId: 'npmStrictSsl', data: { tool: command.name } });
        } else if (command.name === 'git') {
          const span = gitVerifyOff(command);
          if (span) ctx.report({ span, messageId: 'gitSslVerify' });
        }
      }
    }
  },
});
