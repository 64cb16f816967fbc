import * as path from 'node:path';
import { baseImage, parseImageRef, type ImageRef } from '../../server/src/targets/dockerfile/stages';
import { defineRule } from '../define-rule';

interface Toolchain {
  /** The language, for the message: `Go`, `Java (JDK)`. */
  language: string;
  /** A runtime image to suggest instead. */
  runtime: string;
}

const JDK_IMAGES = new Set(['eclipse-temurin', 'openjdk', 'amazoncorretto', 'sapmachine', 'ibm-semeru-runtimes']);

/**
 * Images that carry a compiler toolchain for a compiled language. Interpreted runtimes
 * (node, python, ruby, php) are left alone: their full images are large but what runs
 * in them needs the runtime anyway, and flagging them would be noise.
 */
function toolchainOf(ref: ImageRef): Toolchain | undefined {
  const tag = ref.tag?.toLowerCase() ?? '';
  if (ref.path === 'golang') return { language: 'Go', runtime: '`gcr.io/distroless/static-debian12` or `scratch`' };
  if (ref.path === 'rust') return { language: 'Rust', runtime: '`gcr.io/distroless/cc-debian12`' };
  if (ref.path === 'gcc') return { language: 'C/C++', runtime: '`gcr.io/distroless/cc-debian12`' };
  if (ref.path === 'buildpack-deps') return { language: 'build', runtime: '`debian:12-slim`' };
  if (ref.path === 'swift' && !/slim/.test(tag)) return { language: 'Swift', runtime: '`swift:<version>-slim`' };
  if (ref.path === 'maven' || ref.path === 'gradle') return { language: `Java (${ref.path})`, runtime: '`eclipse-temurin:<version>-jre`' };
  if (JDK_IMAGES.has(ref.path) && !/jre|slim|alpine|headless|distroless/.test(tag)) {
    return { language: 'Java (JDK)', runtime: '`eclipse-temurin:<version>-jre`' };
  }
  if (/(^|\/)dotnet\/(core\/)?sdk$/.test(ref.path)) return { language: '.NET SDK', runtime: '`mcr.microsoft.com/dotnet/aspnet` (or its `-chiseled` variant)' };
  return undefined;
}

function isMinimal(ref: ImageRef): boolean {
  if (ref.path === 'scratch' || ref.path === 'alpine' || ref.path === 'busybox') return true;
  if (ref.path.startsWith('distroless/') || ref.path.startsWith('chainguard/')) return true;
  if (/(^|[-.])(ubi-minimal|ubi-micro|minimal|micro)$/.test(ref.name)) return true;
  const tag = ref.tag?.toLowerCase() ?? '';
  return /(^|[-.])(alpine[0-9.]*|slim|distroless|chiseled|jre)([-.]|$)/.test(tag) || /(^|-)(slim|jre)(-|$)/.test(ref.name);
}

/** Dockerfiles meant for development, CI or building, where a toolchain image is the point. */
function isToolingDockerfile(file: string): boolean {
  if (/(^|\/)\.devcontainer\//.test(file)) return true;
  const base = path.posix.basename(file).toLowerCase().replace(/dockerfile|containerfile/, '');
  return /(^|[.\-_])(dev|devel|development|local|test|tests|ci|build|builder|debug)([.\-_]|$)/.test(base);
}

export default defineRule({
  id: 'dockerfile/prefer-minimal-final-image',
  target: 'dockerfile',
  meta: {
    item: 'container.minimal-image',
    severity: 'info',
    description: 'Prefer a minimal runtime image over a compiler toolchain image in the final stage.',
    rationale:
      'A final image built on a full SDK ships compilers, package managers and hundreds of megabytes the service never uses: slower pulls and scale-ups, and every one of those packages is a CVE to triage and a tool for an attacker.',
    remediation: 'Compile in a build stage and copy the artefact into a minimal runtime stage (`distroless`, `scratch`, `alpine`, a `-slim` or `-jre` image).',
    fixable: false,
  },
  messages: {
    toolchainImage:
      'The final stage runs on {{image}}, a full {{language}} toolchain image, so the shipped image carries compilers and hundreds of megabytes it never uses, each package a potential CVE. Build in a separate stage and copy the result into a minimal runtime image such as {{runtime}}.',
  },
  check(ctx) {
    const doc = ctx.doc;
    const stage = doc.finalStage;
    if (!stage) return;
    const base = baseImage(doc, stage);
    if (!base) return;
    const ref = parseImageRef(base.image);
    const shown = ref.tag ? `${ref.repository}:${ref.tag}` : ref.repository;
    const toolchain = toolchainOf(ref);
    if (toolchain) {
      if (isToolingDockerfile(ctx.source.path)) return;
      const range = stage.from.getImageRange() ?? stage.from.getRange();
      ctx.report({ span: doc.span(range), messageId: 'toolchainImage', data: { image: shown, language: toolchain.language, runtime: toolchain.runtime } });
      return;
    }
    if (!isMinimal(ref)) return;
    const span = doc.span(stage.from.getRange());
    if (doc.stages.length > 1) ctx.evidence({ span, note: `multi-stage build, final stage on ${shown}` });
    else ctx.evidence({ span, note: `final stage on ${shown}` });
  },
});
