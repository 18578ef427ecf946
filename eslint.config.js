// @ts-check
/**
 * `npm run lint`: typescript-eslint's recommended rules plus the import boundaries (README, Decisions:
 * "Import boundaries"). Formatting is not linted.
 */
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";
import { importX } from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";

/**
 * The import boundaries (README, Decisions: "Import boundaries"), resolved like TypeScript does, so `~db/schema`,
 * `../../db/schema/jobs` and `import type` all count:
 *   - routes and components never touch the database's vocabulary (drizzle-orm, db/schema): they go through a module,
 *     which exports the types they need;
 *   - components never import a `.server` file (they run in the browser too);
 *   - app/lib is the bottom layer: it never imports app/modules;
 *   - only app/lib/i18n imports the message catalogues (the browser loads one language, app/lib/i18n/load-catalogue.ts).
 *   - a module's files that are not `.server` never import drizzle-orm ("Where SQL lives").
 * Modules importing each other are caught by scripts/check-module-cycles.ts (also part of `npm run lint`).
 */
const RESTRICTED_PATHS = [
  {
    target: ["./app/routes", "./app/components"],
    from: "./db/schema",
    message: "Routes and components go through app/modules: export the type you need from the module.",
  },
  {
    target: "./app/lib",
    from: "./app/modules",
    message:
      "app/lib is the bottom layer: move the shared piece into app/lib, or the code that needs the module into it.",
  },
  {
    target: ["./app/routes", "./app/components", "./app/modules", "./app/root.tsx", "./app/entry.client.tsx"],
    from: ["./app/lib/i18n/messages", "./app/lib/i18n/catalogue.vi.ts", "./app/lib/i18n/catalogue.en.ts"],
    message:
      "A page ships only its own language (app/lib/i18n/load-catalogue.ts): read messages through useT(), translate() or translator().",
  },
];

const NO_DRIZZLE = {
  paths: [{ name: "drizzle-orm", message: "Routes and components go through app/modules, never drizzle-orm." }],
  patterns: [{ group: ["drizzle-orm/*"], message: "Routes and components go through app/modules, never drizzle-orm." }],
};

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "public/build/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      ".cache/**",
      "data/**",
      "tmp/**",
      "db/migrations/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "import-x": importX },
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.node } },
    settings: {
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
    },
    rules: {
      "import-x/no-restricted-paths": ["error", { zones: RESTRICTED_PATHS }],
      // A leading underscore marks a value left out on purpose (`const { secret: _, ...rest } = row`).
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
      // `interface AppLoadContext extends RequestContext {}` is how Remix's context type is augmented.
      "@typescript-eslint/no-empty-object-type": ["error", { allowInterfaces: "with-single-extends" }],
    },
  },
  {
    // TypeScript already reports undefined names, with the right globals per file (typescript-eslint's advice).
    files: ["**/*.{ts,tsx}"],
    rules: { "no-undef": "off" },
  },
  {
    files: ["public/sw.js"],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    // Test helpers hand back parsed JSON bodies as `any` so each test reads the fields it asserts on.
    files: ["tests/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["app/routes/**", "app/components/**"],
    rules: { "no-restricted-imports": ["error", NO_DRIZZLE] },
  },
  {
    // Where SQL lives (README, Decisions): in a module's `.server.ts` files. Its other files (rules, Zod schemas,
    // constants the browser shares) never build a query; from db/schema they take types and enum value lists only.
    files: ["app/modules/**/*.{ts,tsx}"],
    ignores: ["app/modules/**/*.server.ts", "app/modules/**/*.server.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "drizzle-orm",
              message: 'SQL lives in a module\'s .server.ts files (README, Decisions: "Where SQL lives").',
            },
          ],
          patterns: [
            {
              group: ["drizzle-orm/*"],
              message: 'SQL lives in a module\'s .server.ts files (README, Decisions: "Where SQL lives").',
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          ...NO_DRIZZLE,
          patterns: [
            ...NO_DRIZZLE.patterns,
            {
              group: ["*.server", "*.server.*"],
              message: "Components run in the browser too: pass server data in as props.",
            },
          ],
        },
      ],
    },
  },
);
