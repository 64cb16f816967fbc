import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ParseCache } from '../../../server/src/engine/parse-cache';
import { Project } from '../../../server/src/engine/project';
import { stackOf, type Dependency } from '../../../server/src/engine/stack';

function stack(files: Record<string, string>) {
  const texts = new Map(Object.entries(files));
  const workspace = { hasFile: (p: string) => texts.has(p), readText: (p: string) => texts.get(p) };
  return stackOf(new Project(texts.keys(), workspace, new ParseCache()));
}

/** `name@line dev?` per dependency, lines 1-based as an editor shows them. */
function summary(deps: readonly Dependency[]): string[] {
  return deps.map((d) => `${d.ecosystem}:${d.name}@${d.line === undefined ? '?' : d.line + 1}${d.dev ? ' dev' : ''}`);
}

describe('stackOf: Cargo.toml', () => {
  const cargo = `[package]
name = "orders"
version = "0.3.1"
edition = "2021"

[dependencies]
axum = "0.7"
tokio = { version = "1.37", features = ["full"] }
serde = { workspace = true, features = ["derive"] }
http_client = { package = "reqwest", version = "0.12", default-features = false, features = ["rustls-tls"] }

[dependencies.tracing]
version = "0.1"

[dev-dependencies]
tower = { version = "0.4", features = ["util"] }

[build-dependencies]
prost-build = "0.12"

[target.'cfg(unix)'.dependencies]
nix = "0.28"

[workspace.dependencies]
serde = "1"
`;

  it('reads every dependency section, inline tables, sub-tables and renamed crates', () => {
    assert.deepEqual(summary(stack({ 'Cargo.toml': cargo }).dependencies), [
      'cargo:axum@7',
      'cargo:tokio@8',
      'cargo:serde@9',
      'cargo:reqwest@10',
      'cargo:tracing@12',
      'cargo:tower@16 dev',
      'cargo:prost-build@19 dev',
      'cargo:serde@9',
      'cargo:nix@22',
    ]);
  });

  it('answers has/find for production dependencies only', () => {
    const s = stack({ 'Cargo.toml': cargo });
    assert.ok(s.has('axum'));
    assert.ok(s.has('reqwest'));
    assert.ok(!s.has('tower'), 'a dev-dependency is not in the production stack');
    assert.equal(s.find('tracing')?.manifest, 'Cargo.toml');
  });

  it('reads member crates of a workspace', () => {
    const s = stack({
      'Cargo.toml': '[workspace]\nmembers = ["crates/*"]\n\n[workspace.dependencies]\ntokio = "1"\n',
      'crates/api/Cargo.toml': '[package]\nname = "api"\n\n[dependencies]\nactix-web = "4"\ntokio.workspace = true\n',
    });
    assert.deepEqual(summary(s.dependencies), ['cargo:tokio@5', 'cargo:actix-web@5', 'cargo:tokio@6']);
  });

  it('ignores a Cargo.toml that does not parse', () => {
    assert.deepEqual(stack({ 'Cargo.toml': '[dependencies\naxum = "0.7"\n' }).dependencies, []);
  });
});

describe('stackOf: pyproject.toml', () => {
  it('reads PEP 621 dependencies with extras, specifiers and markers', () => {
    const s = stack({
      'pyproject.toml': `[project]
name = "billing"
requires-python = ">=3.11"
dependencies = [
  "FastAPI[all]>=0.110",
  "uvicorn[standard]~=0.29",
  "SQLAlchemy==2.0.30",
  'tenacity; python_version >= "3.8"',
]

[project.optional-dependencies]
test = ["pytest>=8"]
`,
    });
    assert.deepEqual(summary(s.dependencies), ['pypi:fastapi@5', 'pypi:uvicorn@6', 'pypi:sqlalchemy@7', 'pypi:tenacity@8', 'pypi:pytest@12 dev']);
    assert.ok(s.has('fastapi'));
  });

  it('reads Poetry dependencies and groups, skipping python itself', () => {
    const s = stack({
      'pyproject.toml': `[tool.poetry]
name = "ledger"

[tool.poetry.dependencies]
python = "^3.12"
flask = "^3.0"
Flask-Limiter = { version = "^3.5", extras = ["redis"] }

[tool.poetry.group.dev.dependencies]
pytest = "^8.2"
`,
    });
    assert.deepEqual(summary(s.dependencies), ['pypi:flask@6', 'pypi:flask-limiter@7', 'pypi:pytest@10 dev']);
  });
});

describe('stackOf: requirements*.txt', () => {
  it('keeps the name before specifiers, extras and markers, and skips options, comments and URLs', () => {
    const s = stack({
      'requirements.txt': `# production
-r requirements-base.txt
--index-url https://pypi.example.org/simple
Django>=5.0,<6   # web
gunicorn==22.0.0
psycopg[binary] ; sys_platform != "win32"
requests @ https://files.example.org/requests-2.32.0.tar.gz
https://files.example.org/something.whl
-e ./libs/common
`,
      'requirements-dev.txt': 'pytest==8.2.0\n',
    });
    assert.deepEqual(summary(s.dependencies), ['pypi:pytest@1 dev', 'pypi:django@4', 'pypi:gunicorn@5', 'pypi:psycopg@6', 'pypi:requests@7']);
  });
});

describe('stackOf: pom.xml', () => {
  it('records artifactId and groupId:artifactId, test and provided scopes as development', () => {
    const s = stack({
      'pom.xml': `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>3.3.0</version>
  </parent>
  <artifactId>cache</artifactId>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>io.github.resilience4j</groupId>
        <artifactId>resilience4j-bom</artifactId>
        <version>2.2.0</version>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-web</artifactId>
    </dependency>
    <dependency>
      <groupId>io.github.resilience4j</groupId>
      <artifactId>resilience4j-spring-boot3</artifactId>
    </dependency>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-test</artifactId>
      <scope>test</scope>
    </dependency>
  </dependencies>
</project>
`,
    });
    assert.deepEqual(summary(s.dependencies), [
      'maven:spring-boot-starter-web@22',
      'maven:org.springframework.boot:spring-boot-starter-web@22',
      'maven:resilience4j-spring-boot3@26',
      'maven:io.github.resilience4j:resilience4j-spring-boot3@26',
      'maven:spring-boot-starter-test@30 dev',
      'maven:org.springframework.boot:spring-boot-starter-test@30 dev',
    ]);
    assert.ok(s.has('io.github.resilience4j:resilience4j-spring-boot3'));
    assert.ok(!s.has('resilience4j-bom'), 'dependencyManagement declares nothing in use');
  });

  it('handles a project with a single dependency', () => {
    const s = stack({ 'pom.xml': '<project><dependencies><dependency><groupId>io.micronaut</groupId><artifactId>micronaut-http-server-netty</artifactId></dependency></dependencies></project>' });
    assert.ok(s.has('micronaut-http-server-netty'));
  });
});

describe('stackOf: build.gradle(.kts)', () => {
  it('reads Groovy string notation', () => {
    const s = stack({
      'build.gradle': `plugins {
    id 'org.springframework.boot' version '3.3.0'
}

dependencies {
    implementation 'org.springframework.boot:spring-boot-starter-web'
    implementation "io.github.resilience4j:resilience4j-circuitbreaker:2.2.0"
    // implementation 'com.example:commented-out:1.0'
    /* implementation 'com.example:block-commented:1.0' */
    runtimeOnly 'org.postgresql:postgresql:42.7.3'
    testImplementation 'org.springframework.boot:spring-boot-starter-test'
}
`,
    });
    assert.deepEqual(summary(s.dependencies), [
      'gradle:spring-boot-starter-web@6',
      'gradle:org.springframework.boot:spring-boot-starter-web@6',
      'gradle:resilience4j-circuitbreaker@7',
      'gradle:io.github.resilience4j:resilience4j-circuitbreaker@7',
      'gradle:postgresql@10',
      'gradle:org.postgresql:postgresql@10',
      'gradle:spring-boot-starter-test@11 dev',
      'gradle:org.springframework.boot:spring-boot-starter-test@11 dev',
    ]);
  });

  it('reads Kotlin DSL calls, platforms, and skips plugin ids and catalog aliases', () => {
    const s = stack({
      'service/build.gradle.kts': `plugins {
    id("io.micronaut.application") version "4.4.0"
}
dependencies {
    implementation(platform("io.micronaut.platform:micronaut-platform:4.4.0"))
    implementation("io.micronaut:micronaut-http-server-netty")
    implementation(libs.micronaut.serde)
    testImplementation("io.micronaut.test:micronaut-test-junit5")
}
`,
    });
    assert.deepEqual(summary(s.dependencies), [
      'gradle:micronaut-platform@5',
      'gradle:io.micronaut.platform:micronaut-platform@5',
      'gradle:micronaut-http-server-netty@6',
      'gradle:io.micronaut:micronaut-http-server-netty@6',
      'gradle:micronaut-test-junit5@8 dev',
      'gradle:io.micronaut.test:micronaut-test-junit5@8 dev',
    ]);
  });
});

describe('stackOf: files that do not ship', () => {
  it('skips manifests under test and example folders', () => {
    const s = stack({ 'examples/demo/Cargo.toml': '[dependencies]\naxum = "0.7"\n' });
    assert.deepEqual(s.dependencies, []);
  });
});
