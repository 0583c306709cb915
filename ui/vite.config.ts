import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";
import type { Plugin } from "vite";
import { userGuide } from "./userGuide";
import { version } from "./package.json";

// The shell freezes Object.prototype (tauri.conf.json `freezePrototype`), so a page script
// cannot tamper with it. d3-color (under @xyflow's zoom) assigns `prototype.constructor`,
// which a frozen Object.prototype forbids by plain assignment; define the property instead.
function frozenPrototypeSafe(): Plugin {
  const from = "prototype.constructor = constructor;";
  const to = 'Object.defineProperty(prototype, "constructor", { value: constructor, writable: true, configurable: true });';
  return {
    name: "carepath-frozen-prototype-safe",
    transform(code, id) {
      if (!id.includes("d3-color") || !code.includes(from)) return null;
      return { code: code.split(from).join(to), map: null };
    },
  };
}

// The desktop shell loads ui/dist through its own protocol; nothing is fetched remotely.
export default defineConfig({
  plugins: [react(), frozenPrototypeSafe(), userGuide(version)],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { target: "es2022", outDir: "dist", emptyOutDir: true },
  test: { environment: "node" },
});
