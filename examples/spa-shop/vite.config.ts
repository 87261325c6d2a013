import { defineConfig } from 'vite';

// Port 5173 is among the demo site's allowed origins (scripts/dev.mjs).
export default defineConfig({
  server: { port: Number(process.env.PORT ?? 5173), strictPort: true, host: process.env.HOST ?? 'localhost' },
});
