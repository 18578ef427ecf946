/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  // The HTTP server is the build's entry point: it is compiled with the app into build/index.js, one module graph
  // (`node build/index.js`; README, Decisions).
  server: "app/server/index.ts",
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // node_modules stay external (PGlite, postgres.js are loaded at run time, never bundled).
  serverDependenciesToBundle: [],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    // Off on purpose (README, Decisions): loaders answer with json()/redirect(). Said explicitly, so the build does
    // not warn about it on every start.
    v3_singleFetch: false,
  },
};
