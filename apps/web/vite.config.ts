import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

const api = process.env.SPATZ_API ?? "http://localhost:3000";

export default defineConfig({
  plugins: [solid()],
  server: { port: 5173, proxy: { "/trpc": api, "/health": api, "/dateien": api } },
  build: { target: "es2022", sourcemap: true },
});
