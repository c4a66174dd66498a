import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

const api = process.env.SPATZ_API ?? "http://localhost:3000";

export default defineConfig({
  plugins: [solid()],
  server: { port: 5173, proxy: { "/trpc": api, "/health": api, "/dateien": api } },
  build: {
    target: "es2022",
    // Maps for error reporting, without the //# sourceMappingURL comment; the server never serves *.map (app.ts).
    sourcemap: "hidden",
    // Which chunks each page needs, for the size check of scripts/compress-assets.mjs (which removes it again).
    manifest: true,
    rolldownOptions: {
      output: {
        // ECharts loads only with the first chart (ui/charts/Chart.tsx). Its renderer library zrender gets a chunk of
        // its own: the two load in parallel, and neither passes the 500 kB warning, which stays meaningful for the
        // app's own chunks.
        codeSplitting: { groups: [{ name: "zrender", test: /node_modules[/](\.pnpm[/])?zrender/ }] },
      },
    },
  },
});
