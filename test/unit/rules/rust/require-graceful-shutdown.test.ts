import { RuleTester } from '../../rule-tester';
import rule from '../../../../rules/rust/require-graceful-shutdown';

new RuleTester({ filename: 'src/main.rs' }).run(rule, {
  valid: [
    { name: 'no server here', code: 'fn main() { run_job(); }\n' },
    { name: 'tests', code: '#[cfg(test)]\nmod tests {\n    #[tokio::test]\n    async fn t() { axum::serve(l, app()).await.unwrap(); }\n}\n' },
  ],
  invalid: [
    {
      name: 'axum::serve without with_graceful_shutdown',
      code: '#[tokio::main]\nasync fn main() -> anyhow::Result<()> {\n    let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await?;\n    axum::serve(listener, app()).await?;\n    Ok(())\n}\n',
      errors: [{ messageId: 'noGracefulShutdown', line: 4, column: 5, endColumn: 33, message: '`axum::serve`' }],
    },
    {
      name: 'hyper/axum 0.6 Server::bind(…).serve(…)',
      code: 'async fn main() {\n    axum::Server::bind(&addr).serve(app.into_make_service()).await.unwrap();\n}\n',
      errors: [{ messageId: 'noGracefulShutdown', line: 2, column: 5, message: 'axum::Server::bind(…).serve(…)' }],
    },
    {
      name: 'warp and tonic',
      code: 'use tonic::transport::Server;\nasync fn a() { warp::serve(routes).run(([0, 0, 0, 0], 3030)).await; }\nasync fn b() { Server::builder().add_service(svc).serve(addr).await?; }\n',
      errors: [
        { messageId: 'noGracefulShutdown', line: 2, column: 16, message: 'bind_with_graceful_shutdown' },
        { messageId: 'noGracefulShutdown', line: 3, column: 16, message: 'serve_with_shutdown' },
      ],
    },
    {
      name: 'actix-web with signals disabled',
      code: 'async fn main() -> std::io::Result<()> {\n    HttpServer::new(|| App::new()).disable_signals().bind(("0.0.0.0", 8080))?.run().await\n}\n',
      errors: [{ messageId: 'signalsDisabled', line: 2, column: 36 }],
    },
  ],
  evidence: [
    {
      name: 'axum with a SIGTERM-aware shutdown future',
      code: [
        'async fn main() {',
        '    axum::serve(listener, app).with_graceful_shutdown(shutdown_signal()).await.unwrap();',
        '}',
        'async fn shutdown_signal() {',
        '    let ctrl_c = async { tokio::signal::ctrl_c().await.expect("ctrl-c handler") };',
        '    let mut term = signal(SignalKind::terminate()).expect("SIGTERM handler");',
        '    tokio::select! { _ = ctrl_c => {}, _ = term.recv() => {} }',
        '}',
        '',
      ].join('\n'),
      evidence: ['graceful shutdown (`with_graceful_shutdown`)', '`tokio::signal` shutdown handling'],
    },
    {
      name: 'actix-web drains by default',
      code: 'async fn main() -> std::io::Result<()> {\n    HttpServer::new(|| App::new()).bind(("0.0.0.0", 8080))?.run().await\n}\n',
      evidence: ['actix-web `HttpServer` drains on SIGTERM by default'],
    },
  ],
});
