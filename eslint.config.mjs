import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import nextPlugin from "@next/eslint-plugin-next";

const CLOCK = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "lib/core is clock-free: take `now` as an argument." },
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "lib/core is clock-free: take `now` as an argument." },
  { selector: "MemberExpression[object.name='Temporal'][property.name='Now']", message: "lib/core is clock-free: take `now` as an argument." },
];

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", ".data*/**", "test-results/**", "playwright-report/**", "db/migrations/**", "next-env.d.ts"] },
  ...tseslint.configs.recommended,
  {
    plugins: { "react-hooks": reactHooks, "@next/next": nextPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    // The domain core: pure TypeScript, no framework, no database, no clock.
    files: ["lib/core/**/*.ts"],
    ignores: ["lib/core/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*", "react", "react/*", "react-dom", "react-dom/*"], message: "lib/core may not import Next or React." },
            { group: ["@/db", "@/db/*", "drizzle-orm", "drizzle-orm/*", "pg", "@electric-sql/*", "@neondatabase/*"], message: "lib/core may not touch the database." },
            { group: ["inngest", "inngest/*", "@/inngest/*"], message: "lib/core may not import Inngest." },
            { group: ["@/lib/*", "!@/lib/core", "!@/lib/core/*"], message: "lib/core may import only lib/core." },
          ],
        },
      ],
      "no-restricted-syntax": ["error", ...CLOCK],
    },
  },
  {
    // UI pieces get data as props; they never reach for the database.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/db", "@/db/*", "drizzle-orm", "drizzle-orm/*"], message: "components/ may not import the database: take data as props." }] }],
    },
  },
);
