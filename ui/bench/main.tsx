// The real user interface over a fixture (see shell.ts), with React's profiler on, for
// scripts/ui-bench/run.mjs. window.__bench exposes frame recording and commit timings.
import { mockIPC } from "@tauri-apps/api/mocks";
import { Profiler, StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "../src/globals";
import { App } from "../src/App";
import { answer, loadFixture } from "./shell";

interface Commit {
  at: number;
  duration: number;
  /** Step nodes rendered so far (the benchmark build counts them). */
  steps: number;
}

const bench = {
  commits: [] as Commit[],
  frames: [] as number[],
  recording: false,
  startFrames() {
    bench.frames = [];
    bench.recording = true;
    const tick = (t: number) => {
      if (!bench.recording) return;
      bench.frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  },
  stopFrames(): number[] {
    bench.recording = false;
    return bench.frames.slice(1).map((t, i) => t - bench.frames[i]);
  },
};
(window as unknown as { __bench: typeof bench }).__bench = bench;

const fixture = await loadFixture(new URLSearchParams(location.search).get("fixture") ?? "/fixture");
mockIPC((cmd, args) => answer(fixture, cmd, args as Record<string, unknown> | undefined));

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Profiler id="app" onRender={(_id, _phase, duration, _base, _start, commitTime) => bench.commits.push({ at: commitTime, duration, steps: (window as unknown as { __renders?: Record<string, number> }).__renders?.step ?? 0 })}>
      <App />
    </Profiler>
  </StrictMode>,
);
