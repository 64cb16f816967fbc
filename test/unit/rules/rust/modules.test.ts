import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { isLiveRustFile } from '../../../../rules/rust/support/modules';
import { ParseCache } from '../../../../server/src/engine/parse-cache';
import { Project } from '../../../../server/src/engine/project';
import { loadGrammars } from '../../../../server/src/targets/source/grammars';

function project(files: Record<string, string>) {
  const texts = new Map(Object.entries(files));
  const workspace = { hasFile: (p: string) => texts.has(p), readText: (p: string) => texts.get(p) };
  return new Project(texts.keys(), workspace, new ParseCache());
}

function live(files: Record<string, string>): string[] {
  const p = project(files);
  return Object.keys(files)
    .filter((f) => f.endsWith('.rs'))
    .filter((f) => isLiveRustFile(p, f))
    .sort();
}

describe('isLiveRustFile', () => {
  before(() => loadGrammars(['rust']));

  it('follows `mod name;` from src/main.rs to name.rs and name/mod.rs, and leaves orphans out', () => {
    assert.deepEqual(
      live({
        'Cargo.toml': '[package]\nname = "svc"\n',
        'src/main.rs': 'mod routes;\nmod db;\nfn main() {}\n',
        'src/routes.rs': 'pub mod users;\n',
        'src/routes/users.rs': 'pub fn list() {}\n',
        'src/db/mod.rs': 'mod pool;\n',
        'src/db/pool.rs': '',
        'src/old.rs': 'fn f() { x.unwrap(); }\n',
        'src/routes/legacy.rs': '',
      }),
      ['src/db/mod.rs', 'src/db/pool.rs', 'src/main.rs', 'src/routes.rs', 'src/routes/users.rs'],
    );
  });

  it('takes lib.rs, build.rs, src/bin/* and Cargo.toml [[bin]] paths as roots', () => {
    assert.deepEqual(
      live({
        'Cargo.toml': '[package]\nname = "svc"\n\n[[bin]]\nname = "admin"\npath = "tools/admin.rs"\n',
        'src/lib.rs': 'pub mod config;\n',
        'src/config.rs': '',
        'build.rs': 'fn main() {}\n',
        'src/bin/migrate.rs': 'fn main() {}\n',
        'src/bin/worker/main.rs': 'mod jobs;\nfn main() {}\n',
        'src/bin/worker/jobs.rs': '',
        'tools/admin.rs': 'fn main() {}\n',
        'tools/unused.rs': '',
      }),
      ['build.rs', 'src/bin/migrate.rs', 'src/bin/worker/jobs.rs', 'src/bin/worker/main.rs', 'src/config.rs', 'src/lib.rs', 'tools/admin.rs'],
    );
  });

  it('resolves #[path] and inline modules, and skips #[cfg(test)] modules', () => {
    assert.deepEqual(
      live({
        'Cargo.toml': '[package]\nname = "svc"\n',
        'src/main.rs': '#[path = "platform/linux.rs"]\nmod platform;\nmod api {\n    pub mod v1;\n}\n#[cfg(test)]\nmod test_support;\nfn main() {}\n',
        'src/platform/linux.rs': '',
        'src/api/v1.rs': '',
        'src/test_support.rs': '',
      }),
      ['src/api/v1.rs', 'src/main.rs', 'src/platform/linux.rs'],
    );
  });

  it('judges each crate of a workspace by its own roots', () => {
    assert.deepEqual(
      live({
        'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n',
        'crates/api/Cargo.toml': '[package]\nname = "api"\n',
        'crates/api/src/main.rs': 'mod handlers;\nfn main() {}\n',
        'crates/api/src/handlers.rs': '',
        'crates/api/src/scratch.rs': '',
        'crates/core/Cargo.toml': '[package]\nname = "core"\n',
        'crates/core/src/lib.rs': '',
        'crates/core/src/unused.rs': '',
      }),
      ['crates/api/src/handlers.rs', 'crates/api/src/main.rs', 'crates/core/src/lib.rs'],
    );
  });

  it('takes files outside any crate, or of a crate whose roots are absent, as live', () => {
    assert.deepEqual(live({ 'src/main.rs': 'fn main() {}\n', 'snippets/a.rs': '' }), ['snippets/a.rs', 'src/main.rs']);
    assert.deepEqual(live({ 'Cargo.toml': '[package]\nname = "x"\n', 'src/util.rs': '' }), ['src/util.rs']);
    assert.equal(isLiveRustFile(project({}), 'src/lone.rs'), true);
  });
});
