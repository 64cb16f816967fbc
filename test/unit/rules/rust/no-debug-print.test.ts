import { RuleTester } from '../../rule-tester';
import rule from '../../../../rules/rust/no-debug-print';

const axum = { 'Cargo.toml': '[package]\nname = "svc"\n\n[dependencies]\naxum = "0.7"\ntracing = "0.1"\n' };
const cli = { 'Cargo.toml': '[package]\nname = "tool"\n\n[dependencies]\nclap = "4"\n' };

new RuleTester({ filename: 'src/routes.rs' }).run(rule, {
  valid: [
    { name: 'tracing macros', code: 'pub async fn create() { tracing::info!(user_id = 7, "created"); }\n', files: axum },
    { name: 'printing in main of a tool that is not a server', filename: 'src/main.rs', code: 'fn main() { println!("{}", render()); }\n' },
    { name: 'a command-line tool prints by design', code: 'pub fn report(rows: &[Row]) { for r in rows { println!("{r}"); } }\n', files: cli },
    { name: 'build scripts talk to cargo by printing', filename: 'build.rs', code: 'fn emit() { println!("cargo:rerun-if-changed=proto"); }\n' },
    { name: 'tests', code: '#[cfg(test)]\nmod tests {\n    #[test]\n    fn t() { println!("x"); dbg!(1); }\n}\n' },
    { name: 'write! to a buffer is not a print', code: 'fn f(out: &mut String) { write!(out, "x").ok(); }\n' },
  ],
  invalid: [
    {
      name: 'prints in a handler of a server',
      code: 'pub async fn create(Json(body): Json<New>) -> StatusCode {\n    println!("creating {}", body.name);\n    eprintln!("failed");\n    StatusCode::CREATED\n}\n',
      files: axum,
      errors: [
        { messageId: 'print', line: 2, column: 5, endColumn: 39, message: 'tracing::info!' },
        { messageId: 'print', line: 3, column: 5, message: 'tracing::error!' },
      ],
    },
    {
      name: 'println! in main of a server',
      filename: 'src/main.rs',
      code: '#[tokio::main]\nasync fn main() {\n    println!("listening on 8080");\n}\n',
      files: axum,
      errors: [{ messageId: 'print', line: 3, column: 5 }],
    },
    {
      name: 'dbg! with one argument is replaced by its argument',
      code: 'fn total(items: &[Item]) -> u64 {\n    let sum = dbg!(items.iter().map(|i| i.price).sum::<u64>());\n    sum\n}\n',
      files: cli,
      errors: [{ messageId: 'dbg', line: 2, column: 15 }],
      output: 'fn total(items: &[Item]) -> u64 {\n    let sum = items.iter().map(|i| i.price).sum::<u64>();\n    sum\n}\n',
    },
    {
      name: 'dbg! with several arguments has no fix',
      code: 'fn f(a: u8, b: u8) { dbg!(a, b); }\n',
      errors: [{ messageId: 'dbg', line: 1, column: 22 }],
    },
    {
      name: 'a partly logged file gives evidence and findings',
      code: 'use tracing::info;\npub fn a() { info!("ok"); }\npub fn b() { std::println!("not ok"); }\n',
      files: axum,
      errors: [{ messageId: 'print', line: 3, column: 14 }],
      evidence: ['`info!` structured logging'],
    },
  ],
  evidence: [{ name: 'log crate macros', code: 'pub fn a() { log::warn!("slow: {}ms", 30); }\n', evidence: ['`log::warn!` structured logging'] }],
});
