// The co-editing engine (Yjs and Hocuspocus' provider), loaded when a document is first
// shared or joined, so that opening the window does not wait for it.
export * as Y from "yjs";
export { HocuspocusProvider } from "@hocuspocus/provider";
