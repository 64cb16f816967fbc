import rule from '../../../../rules/java/no-unsafe-deserialization';
import { RuleTester } from '../../rule-tester';

const CLASS = (body: string) => `package com.acme.orders;

public class Codec {
${body}
}
`;

new RuleTester({ filename: 'src/main/java/com/acme/orders/Codec.java' }).run(rule, {
  valid: [
    { name: 'JSON into a fixed type', code: CLASS('  Order read(byte[] b) throws IOException { return mapper.readValue(b, Order.class); }') },
    { name: 'SnakeYAML with SafeConstructor', code: CLASS('  Object read(String s) { return new Yaml(new SafeConstructor(new LoaderOptions())).load(s); }') },
    { name: 'a Yaml used only to dump', code: CLASS('  String write(Object o) { return new Yaml().dump(o); }') },
    {
      name: 'Jackson default typing with an allow-list',
      code: CLASS('  void configure(ObjectMapper m) { m.activateDefaultTyping(BasicPolymorphicTypeValidator.builder().allowIfSubType("com.acme.").build()); }'),
    },
    { name: 'test code is not production', filename: 'src/test/java/com/acme/orders/CodecTest.java', code: CLASS('  Object read(InputStream in) throws Exception { return new ObjectInputStream(in).readObject(); }') },
  ],
  invalid: [
    {
      name: 'ObjectInputStream',
      code: CLASS('  Object read(InputStream in) throws Exception {\n    ObjectInputStream ois = new ObjectInputStream(in);\n    return ois.readObject();\n  }'),
      errors: [{ messageId: 'objectInputStream', line: 5, column: 29, endColumn: 54, message: '`ObjectInputStream` deserializes any class' }],
    },
    {
      name: 'XMLDecoder',
      code: CLASS('  Object read(InputStream in) { return new XMLDecoder(in).readObject(); }'),
      errors: [{ messageId: 'xmlDecoder', line: 4 }],
    },
    {
      name: 'SnakeYAML default constructor, loaded directly',
      code: CLASS('  Object read(String s) { return new Yaml().load(s); }'),
      errors: [{ messageId: 'snakeYaml', line: 4, column: 34, endColumn: 44 }],
    },
    {
      name: 'SnakeYAML in a field, loaded in a method',
      code: CLASS('  private final Yaml yaml = new Yaml();\n  Object read(String s) { return yaml.load(s); }'),
      errors: [{ messageId: 'snakeYaml', line: 4 }],
    },
    {
      name: 'Jackson enableDefaultTyping',
      code: CLASS('  void configure(ObjectMapper m) { m.enableDefaultTyping(); }'),
      errors: [{ messageId: 'defaultTyping', message: 'no type validator' }],
    },
    {
      name: 'Jackson activateDefaultTyping with LaissezFaire',
      code: CLASS('  void configure(ObjectMapper m) { m.activateDefaultTyping(LaissezFaireSubTypeValidator.instance, ObjectMapper.DefaultTyping.NON_FINAL); }'),
      errors: [{ messageId: 'defaultTyping', message: 'LaissezFaireSubTypeValidator' }],
    },
  ],
  evidence: [
    {
      name: 'a filtered ObjectInputStream',
      code: CLASS('  Object read(InputStream in) throws Exception {\n    ObjectInputStream ois = new ObjectInputStream(in);\n    ois.setObjectInputFilter(FILTER);\n    return ois.readObject();\n  }'),
      evidence: ['`ObjectInputStream` with an `ObjectInputFilter`'],
    },
  ],
});
