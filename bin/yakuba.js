#!/usr/bin/env node
// Entry of the `yakuba` command. Runs the bundled server from dist/ (rebuilt with esbuild when a
// source file is newer), or the TypeScript sources through tsx when YAKUBA_SOURCE=1 or bundling fails.
const useSource = process.env.YAKUBA_SOURCE === '1';
let entry = null;
if (!useSource) {
  try {
    const { freshBuild, buildServer } = await import('../scripts/build-server.mjs');
    entry = (await freshBuild()) ?? (await buildServer());
  } catch (err) {
    console.error(`yakuba: could not bundle the server (${err.message}); running the sources through tsx`);
  }
}
if (entry) {
  await import(new URL(`file://${entry}`).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
