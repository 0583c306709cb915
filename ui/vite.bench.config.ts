import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The benchmark page (bench/index.html): the production build of the UI with React's
// profiling build, so commit times can be read (scripts/ui-bench/run.sh). Run from ui/.
export default defineConfig({
  plugins: [react()],
  // import.meta.env.MODE === "bench" turns on the render counters (src/canvas/renderCount.ts)
  mode: "bench",
  root: "bench",
  base: "./",
  clearScreen: false,
  resolve: { alias: { "react-dom/client": "react-dom/profiling" } },
  build: { target: "es2022", outDir: "../dist-bench", emptyOutDir: true },
});
