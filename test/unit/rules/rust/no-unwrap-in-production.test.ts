import { RuleTester } from '../../rule-tester';
import rule from '../../../../rules/rust/no-unwrap-in-production';

new RuleTester({ filename: 'src/routes.rs' }).run(rule, {
  valid: [
    { name: 'errors propagated with ?', code: 'pub async fn get(id: u64) -> Result<User, ApiError> {\n    let user = repo.find(id).await?.ok_or(ApiError::NotFound)?;\n    Ok(user)\n}\n' },
    { name: 'start-up in fn main', filename: 'src/main.rs', code: '#[tokio::main]\nasync fn main() {\n    let listener = TcpListener::bind("0.0.0.0:8080").await.expect("bind");\n    let cfg = Config::from_env().unwrap();\n    if cfg.port == 0 { panic!("no port"); }\n}\n' },
    { name: 'const and static initialisers', code: 'static RE: Lazy<Regex> = Lazy::new(|| Regex::new("^[a-z]+$").unwrap());\nconst N: NonZeroUsize = match NonZeroUsize::new(8) { Some(n) => n, None => panic!("zero") };\n' },
    { name: 'lock guards', code: 'fn bump(state: &AppState) {\n    *state.hits.lock().unwrap() += 1;\n    let cache = state.cache.read().unwrap();\n    state.cache.write().expect("cache poisoned").clear();\n}\n' },
    { name: 'reqwest client builder', code: 'fn client() -> reqwest::Client {\n    reqwest::Client::builder().timeout(Duration::from_secs(5)).build().expect("HTTP client")\n}\n' },
    { name: 'installing a signal handler', code: 'async fn shutdown() {\n    let mut term = signal(SignalKind::terminate()).expect("SIGTERM handler");\n    term.recv().await;\n}\n' },
    { name: '#[cfg(test)] modules and #[test] functions', code: 'fn ok() {}\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn parses() { parse("1").unwrap(); }\n}\n#[tokio::test]\nasync fn it_works() { get().await.unwrap(); todo!(); }\n' },
    { name: 'build scripts', filename: 'build.rs', code: 'fn helper() { prost_build::compile_protos(&["a.proto"], &["."]).unwrap(); }\n' },
    { name: 'unwrap_or and friends', code: 'fn port() -> u16 { std::env::var("PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(8080) }\n' },
    {
      name: 'an orphan file no mod declares',
      filename: 'src/old.rs',
      code: 'pub fn legacy() { thing().unwrap(); }\n',
      files: { 'Cargo.toml': '[package]\nname = "svc"\n', 'src/main.rs': 'mod routes;\nfn main() {}\n', 'src/routes.rs': '' },
    },
  ],
  invalid: [
    {
      name: 'unwrap and expect in a handler',
      code: 'pub async fn get(Path(id): Path<u64>) -> Json<User> {\n    let user = repo.find(id).await.unwrap();\n    let n: u32 = q.parse().expect("number");\n    Json(user)\n}\n',
      errors: [
        { messageId: 'unwrap', line: 2, column: 36, endColumn: 44, message: '`.unwrap()` panics' },
        { messageId: 'unwrap', line: 3, column: 28, endColumn: 44, message: '`.expect()`' },
      ],
    },
    {
      name: 'panic!, todo! and unimplemented!',
      code: 'fn route(kind: Kind) -> Response {\n    match kind {\n        Kind::A => panic!("bad kind"),\n        Kind::B => todo!(),\n        Kind::C => unimplemented!("later"),\n    }\n}\n',
      errors: [
        { messageId: 'panic', line: 3, column: 20 },
        { messageId: 'unfinished', line: 4, column: 20, message: '`todo!`' },
        { messageId: 'unfinished', line: 5, column: 20, message: '`unimplemented!`' },
      ],
    },
    {
      name: 'todo! even in main, and unwrap in a function called by main',
      filename: 'src/main.rs',
      code: 'fn main() { todo!() }\nfn load() -> Config { read().unwrap() }\n',
      errors: [
        { messageId: 'unfinished', line: 1, column: 13 },
        { messageId: 'unwrap', line: 2, column: 30 },
      ],
    },
    {
      name: 'a live module reached from main.rs',
      code: 'pub fn handler() { thing().unwrap(); }\n',
      files: { 'Cargo.toml': '[package]\nname = "svc"\n', 'src/main.rs': 'mod routes;\nfn main() {}\n' },
      errors: [{ messageId: 'unwrap', line: 1, column: 28 }],
    },
    {
      name: 'cfg(not(test)) is production code',
      code: '#[cfg(not(test))]\nfn real() { x.unwrap(); }\n',
      errors: [{ messageId: 'unwrap', line: 2, column: 15 }],
    },
  ],
});
