import type { Node } from 'web-tree-sitter';
import { defineRule } from '../define-rule';
import { assignedName, calledOn, constructions, enclosingBody, methodCalls } from './support/syntax';

const YAML_LOADS = new Set(['load', 'loadAll', 'loadAs']);

export default defineRule({
  id: 'java/no-unsafe-deserialization',
  target: 'java',
  meta: {
    item: 'security.unsafe-deserialization',
    severity: 'error',
    description: 'Disallow deserializers that instantiate whatever classes the input names.',
    rationale:
      'Java serialization, XMLDecoder, SnakeYAML with its default constructor and Jackson default typing all let the input choose which classes to build, and gadget chains on the classpath turn that into remote code execution.',
    remediation:
      'Exchange JSON or protobuf bound to fixed types; if Java serialization cannot go, set an `ObjectInputFilter` allow-list; use SnakeYAML with `SafeConstructor`, and Jackson polymorphism with an allow-listing `PolymorphicTypeValidator`.',
    related: ['sonar:S5135', 'semgrep:java.lang.security.audit.object-deserialization.object-deserialization'],
  },
  messages: {
    objectInputStream:
      '`ObjectInputStream` deserializes any class the stream names, so crafted input can run code through gadget chains on the classpath. Exchange JSON or protobuf, or set an `ObjectInputFilter` allow-list on the stream.',
    xmlDecoder:
      '`XMLDecoder` calls any constructor and method the XML names, so crafted input runs arbitrary code. Parse the XML with JAXB or Jackson into fixed types.',
    snakeYaml:
      'SnakeYAML `Yaml` built without `SafeConstructor` can instantiate any class a YAML tag names, so crafted input can run code. Construct it with `new Yaml(new SafeConstructor(new LoaderOptions()))`.',
    defaultTyping:
      'Jackson default typing with {{validator}} lets the JSON choose which classes to instantiate, a known path to remote code execution. Use `@JsonTypeInfo` on your own base types or an allow-listing `BasicPolymorphicTypeValidator`.',
  },
  check(ctx) {
    const { doc } = ctx;
    for (const creation of constructions(doc, new Set(['ObjectInputStream']))) {
      const variable = assignedName(doc, creation.node);
      const scope = enclosingBody(creation.node);
      if (variable && scope && calledOn(doc, scope, variable, new Set(['setObjectInputFilter']))) {
        ctx.evidence({ span: doc.span(creation.node), note: '`ObjectInputStream` with an `ObjectInputFilter`' });
        continue;
      }
      ctx.report({ span: doc.span(creation.node), messageId: 'objectInputStream' });
    }
    for (const creation of constructions(doc, new Set(['XMLDecoder']))) ctx.report({ span: doc.span(creation.node), messageId: 'xmlDecoder' });
    for (const creation of constructions(doc, new Set(['Yaml']))) {
      if (creation.args.some((arg) => /\bSafeConstructor\b/.test(doc.text(arg)))) {
        ctx.evidence({ span: doc.span(creation.node), note: 'SnakeYAML with `SafeConstructor`' });
        continue;
      }
      if (loadsWith(doc, creation.node)) ctx.report({ span: doc.span(creation.node), messageId: 'snakeYaml' });
    }
    for (const call of methodCalls(doc, new Set(['enableDefaultTyping', 'enableDefaultTypingAsProperty']))) {
      ctx.report({ span: { start: call.nameNode.startIndex, end: call.node.endIndex }, messageId: 'defaultTyping', data: { validator: 'no type validator' } });
    }
    for (const call of methodCalls(doc, new Set(['activateDefaultTyping', 'activateDefaultTypingAsProperty']))) {
      const validator = call.args[0];
      if (validator && /LaissezFaire/.test(doc.text(validator))) {
        ctx.report({ span: { start: call.nameNode.startIndex, end: call.node.endIndex }, messageId: 'defaultTyping', data: { validator: '`LaissezFaireSubTypeValidator`' } });
      }
    }
  },
});

/** Whether the `Yaml` instance is used to load: `new Yaml().load(s)` or `yaml.load(s)` on the variable it was stored in. */
function loadsWith(doc: Parameters<typeof methodCalls>[0], creation: Node): boolean {
  const parent = creation.parent;
  if (parent?.type === 'method_invocation' && parent.childForFieldName('object')?.id === creation.id) {
    return YAML_LOADS.has(doc.text(parent.childForFieldName('name') ?? parent));
  }
  const variable = assignedName(doc, creation);
  if (!variable) return false;
  // A field is used by other methods: look through the whole class.
  const scope = creation.parent?.parent?.type === 'field_declaration' ? creation.parent.parent.parent : enclosingBody(creation);
  return scope !== null && scope !== undefined && calledOn(doc, scope, variable, YAML_LOADS) !== undefined;
}
