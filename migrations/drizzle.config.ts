import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './schema/src/index.ts',
  out: './migrations',
  casing: 'snake_case',
});
