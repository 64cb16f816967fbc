import { defineRule } from '../define-rule';
import { calls, keyword, moduleFunction, stringValue, type Call } from './support/syntax';

/** Modules whose load functions rebuild arbitrary objects (and run their code). */
const PICKLE_LIKE: ReadonlyArray<{ module: string; functions: ReadonlySet<string> }> = [
  { module: 'pickle', functions: new Set(['loads', 'load', 'Unpickler']) },
  { module: 'cPickle', functions: new Set(['loads', 'load', 'Unpickler']) },
  { module: '_pickle', functions: new Set(['loads', 'load', 'Unpickler']) },
  { module: 'dill', functions: new Set(['loads', 'load']) },
  { module: 'cloudpickle', functions: new Set(['loads', 'load']) },
  { module: 'jsonpickle', functions: new Set(['decode']) },
  { module: 'marshal', functions: new Set(['loads', 'load']) },
  { module: 'shelve', functions: new Set(['open']) },
];
const SAFE_LOADER = /(^|\.)(C?SafeLoader|BaseLoader)$/;

export default defineRule({
  id: 'python/no-unsafe-deserialization',
  target: 'python',
  meta: {
    item: 'security.unsafe-deserialization',
    severity: 'error',
    description: 'Disallow pickle, marshal, unsafe YAML loading and eval/exec on data.',
    rationale:
      'Unpickling, `yaml.load` with an unsafe loader and `eval`/`exec` run code chosen by whoever controls the input, so one crafted payload is remote code execution.',
    remediation:
      'Exchange JSON (validated with pydantic or marshmallow) or protobuf; load YAML with `yaml.safe_load`; replace `eval` with `ast.literal_eval` or a real parser.',
    fixable: true,
    related: ['bandit:B301', 'bandit:B302', 'bandit:B506', 'bandit:B307', 'bandit:B102'],
  },
  messages: {
    pickle:
      '`{{call}}` rebuilds whatever objects the data describes and runs their code, so crafted input is remote code execution. Exchange JSON or protobuf validated against a schema.',
    yamlLoad:
      '`{{call}}` with {{loader}} can construct arbitrary Python objects from YAML tags, so crafted input can run code. Use `yaml.safe_load` (or `Loader=yaml.SafeLoader`).',
    evalCall:
      '`{{call}}()` runs code built from data at run time, so whoever controls that data runs code in the service. Parse the data instead (`ast.literal_eval`, `json.loads`) or dispatch on known names.',
  },
  check(ctx) {
    const { doc } = ctx;
    for (const call of calls(doc)) {
      const pickled = PICKLE_LIKE.find(({ module, functions }) => {
        const fn = moduleFunction(doc, call, module);
        return fn !== undefined && functions.has(fn);
      });
      if (pickled) {
        ctx.report({ span: doc.span(call.calleeNode), messageId: 'pickle', data: { call: call.callee } });
        continue;
      }
      const yamlFn = moduleFunction(doc, call, 'yaml');
      if (yamlFn === 'safe_load' || yamlFn === 'safe_load_all') {
        ctx.evidence({ span: doc.span(call.calleeNode), note: `YAML loaded with \`${call.callee}\`` });
        continue;
      }
      if (yamlFn === 'unsafe_load' || yamlFn === 'unsafe_load_all') {
        ctx.report({ span: doc.span(call.calleeNode), messageId: 'yamlLoad', data: { call: call.callee, loader: 'the unsafe loader' } });
        continue;
      }
      if (yamlFn === 'load' || yamlFn === 'load_all') {
        const loader = keyword(doc, call, 'Loader')?.value ?? call.positional[1];
        if (loader && SAFE_LOADER.test(doc.text(loader))) {
          ctx.evidence({ span: doc.span(loader), note: `YAML loaded with \`${doc.text(loader)}\`` });
          continue;
        }
        ctx.report({
          span: doc.span(call.calleeNode),
          messageId: 'yamlLoad',
          data: { call: call.callee, loader: loader ? `\`Loader=${doc.text(loader)}\`` : 'no safe loader' },
          fix: safeLoadFix(doc, call, yamlFn, loader === undefined),
        });
        continue;
      }
      if ((call.callee === 'eval' || call.callee === 'exec') && call.positional[0] && stringValue(doc, call.positional[0]) === undefined) {
        ctx.report({ span: doc.span(call.calleeNode), messageId: 'evalCall', data: { call: call.callee } });
      }
    }
  },
});

/** `yaml.load(x)` → `yaml.safe_load(x)`, when written as an attribute call without a loader. */
function safeLoadFix(doc: Parameters<typeof calls>[0], call: Call, fn: string, noLoader: boolean) {
  if (!noLoader || call.calleeNode.type !== 'attribute') return undefined;
  const attribute = call.calleeNode.childForFieldName('attribute');
  if (!attribute) return undefined;
  const safe = fn === 'load' ? 'safe_load' : 'safe_load_all';
  return { title: `Use ${safe}`, edits: [{ span: doc.span(attribute), text: safe }] };
}
