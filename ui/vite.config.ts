import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The desktop shell loads ui/dist through its own protocol; nothing is fetched remotely.
export default defineConfig({
  plugins: [react()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { target: "es2022", outDir: "dist", emptyOutDir: true },
  test: { environment: "node" },
});
